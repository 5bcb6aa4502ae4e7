using System.Threading.Channels;

namespace Lib.Tensors.Data;

/// <summary>
/// Produces items 0..count-1 on a dedicated background thread, at most <c>ahead</c> items beyond
/// those taken, and hands them over in order. The first failure ends production and is delivered
/// in its place. Disposing cancels production and waits for the thread.
/// </summary>
internal sealed class PrefetchWorker<T> : IDisposable
{
    internal readonly record struct Item(int Index, T? Value, Exception? Error);

    private readonly Channel<Item> _channel = Channel.CreateUnbounded<Item>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }
    );
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _task;
    private bool _disposed;

    public PrefetchWorker(int count, int ahead, Func<int, T> produce)
    {
        _slots = new SemaphoreSlim(ahead, ahead);
        var token = _cancel.Token;
        _task = Task.Factory.StartNew(
            () => Run(count, produce, token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
    }

    private void Run(int count, Func<int, T> produce, CancellationToken token)
    {
        try
        {
            for (int i = 0; i < count; i++)
            {
                _slots.Wait(token);
                Item item;
                try
                {
                    item = new Item(i, produce(i), null);
                }
                catch (Exception e)
                {
                    item = new Item(i, default, e);
                }
                _channel.Writer.TryWrite(item);
                if (item.Error is not null)
                    return;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Waits for the next item; false once every item (or the failure) was taken.</summary>
    public bool TryTake(out Item item)
    {
        var reader = _channel.Reader;
        while (!reader.TryRead(out item))
            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                return false;
        _slots.Release();
        return true;
    }

    /// <summary>Cancels production and waits for the worker to stop.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _cancel.Cancel();
        _task.GetAwaiter().GetResult();
        _cancel.Dispose();
        _slots.Dispose();
    }
}
