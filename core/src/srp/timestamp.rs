//! The clock as Cognito reads it in a `PASSWORD_VERIFIER` answer's `TIMESTAMP`.

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The `TIMESTAMP` Cognito expects for a moment given in milliseconds since the Unix epoch:
/// UTC, `ddd MMM D HH:mm:ss UTC YYYY`, the day not zero-padded, a 24-hour clock
/// (`1546322769000` → `Tue Jan 1 06:06:09 UTC 2019`).
///
/// The caller supplies the time (in a browser `Date.now()`), so this stays pure.
pub fn timestamp(epoch_ms: u64) -> String {
    let seconds = epoch_ms / 1000;
    let days = seconds / 86_400;
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_date(days);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[((days + 4) % 7) as usize];
    let month_name = MONTHS[(month - 1) as usize];
    format!(
        "{weekday} {month_name} {day} {:02}:{:02}:{:02} UTC {year}",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// (year, month 1–12, day 1–31) of a day counted from 1970-01-01, in the proleptic Gregorian
/// calendar. Counts from 0000-03-01 so that the leap day ends each 4/100/400-year cycle.
fn civil_date(days_since_epoch: u64) -> (u64, u64, u64) {
    // 0000-03-01 to 1970-01-01 is 719 468 days.
    let days = days_since_epoch + 719_468;
    let era = days / 146_097; // 400-year cycles
    let day_of_era = days % 146_097;
    // Years into the cycle, allowing for the leap days of every 4th, 100th and 400th year.
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months from March, with 153 days in each 5-month run (31+30+31+30+31).
    let march_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * march_month + 2) / 5 + 1;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}
