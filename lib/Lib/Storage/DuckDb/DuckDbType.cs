namespace Lib.Storage.DuckDb;

/// <summary>DuckDB's logical type ids, with the values of <c>duckdb_type</c> in duckdb.h.</summary>
public enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
    StringLiteral = 37,
    IntegerLiteral = 38,
    TimeNs = 39,
}

/// <summary>SQL names of <see cref="DuckDbType"/> for messages.</summary>
public static class DuckDbTypeNames
{
    /// <summary>The type as DuckDB spells it in SQL, such as <c>BIGINT</c> or <c>TIMESTAMP_MS</c>.</summary>
    public static string SqlName(this DuckDbType type) => type switch
    {
        DuckDbType.TinyInt => "TINYINT",
        DuckDbType.SmallInt => "SMALLINT",
        DuckDbType.UTinyInt => "UTINYINT",
        DuckDbType.USmallInt => "USMALLINT",
        DuckDbType.UInteger => "UINTEGER",
        DuckDbType.UBigInt => "UBIGINT",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.UHugeInt => "UHUGEINT",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.TimeNs => "TIME_NS",
        DuckDbType.SqlNull => "NULL",
        DuckDbType.StringLiteral => "STRING_LITERAL",
        DuckDbType.IntegerLiteral => "INTEGER_LITERAL",
        _ => type.ToString().ToUpperInvariant(),
    };
}
