namespace Lib.Notebooks.Documents;

/// <summary>A file that cannot be read as a notebook; the message names the file and what was wrong.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
