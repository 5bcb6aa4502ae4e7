namespace Lib.Splits.Ingest;

/// <summary>
/// Where a CSV and the PDF of the same round disagree about a rider's run (the PDF is the record): the race,
/// round, run, rider, the field (<c>rank</c>, <c>status</c>, <c>split1_s</c> … <c>final_s</c>, or <c>row</c> when the
/// rider is in one file only), the PDF's value, the CSV's value and the CSV file.
/// </summary>
public sealed record TimingDisagreement(
    string Race,
    string Round,
    int? Run,
    string Rider,
    string Field,
    string PdfValue,
    string CsvValue,
    string CsvFile,
    string PdfFile
);
