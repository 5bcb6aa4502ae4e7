// LibTorch keeps process-wide state (the generator that manual_seed re-seeds, the thread pool, dtype defaults), and
// two test classes training twins at once crashed inside LibTorch once each ("Expected false to be true",
// Scalar::toFloat) and never alone: the twins' tests run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
