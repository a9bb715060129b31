//! Dates and times written the way each language writes them, from the local calendar fields
//! the browser's `Date` gives: the same text as `toLocaleString` in `en-GB` (British English, day
//! before month) and `ja-JP`, without calling it. The first `toLocale*String` call in a page
//! starts the browser's ICU, tens of milliseconds on the way to the first page after sign-in.

use crate::i18n::Lang;

/// A local date and time, as `Date.prototype.getFullYear`, `getMonth() + 1`, `getDate`,
/// `getHours`, `getMinutes` and `getSeconds` give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl LocalDateTime {
    /// The date: `05/01/2026` (British English, day first), `2026/1/5` (Japanese).
    pub fn date(&self, lang: Lang) -> String {
        let Self {
            year, month, day, ..
        } = *self;
        match lang {
            Lang::En => format!("{day:02}/{month:02}/{year}"),
            Lang::Ja => format!("{year}/{month}/{day}"),
        }
    }

    /// The time of day on the 24-hour clock: `07:03:09` (English), `7:03:09` (Japanese).
    pub fn time(&self, lang: Lang) -> String {
        let Self {
            hour,
            minute,
            second,
            ..
        } = *self;
        match lang {
            Lang::En => format!("{hour:02}:{minute:02}:{second:02}"),
            Lang::Ja => format!("{hour}:{minute:02}:{second:02}"),
        }
    }

    /// Both: `05/01/2026, 07:03:09` (English), `2026/1/5 7:03:09` (Japanese).
    pub fn date_and_time(&self, lang: Lang) -> String {
        let separator = match lang {
            Lang::En => ", ",
            Lang::Ja => " ",
        };
        format!("{}{separator}{}", self.date(lang), self.time(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn at(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> LocalDateTime {
        LocalDateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
        }
    }

    // The expected texts are what Chromium's and Node's `toLocale*String` give for en-GB and
    // ja-JP on the same fields.
    #[test]
    fn english_writes_the_day_first_with_two_digits_each() {
        let morning = at(2026, 1, 5, 7, 3, 9);
        assert_eq!(morning.date(Lang::En), "05/01/2026");
        assert_eq!(morning.time(Lang::En), "07:03:09");
        assert_eq!(morning.date_and_time(Lang::En), "05/01/2026, 07:03:09");
        let night = at(2026, 12, 25, 23, 59, 59);
        assert_eq!(night.date_and_time(Lang::En), "25/12/2026, 23:59:59");
        assert_eq!(at(2026, 12, 25, 0, 0, 1).time(Lang::En), "00:00:01");
    }

    #[test]
    fn japanese_writes_the_year_first_without_padding_the_date_or_hour() {
        let morning = at(2026, 1, 5, 7, 3, 9);
        assert_eq!(morning.date(Lang::Ja), "2026/1/5");
        assert_eq!(morning.time(Lang::Ja), "7:03:09");
        assert_eq!(morning.date_and_time(Lang::Ja), "2026/1/5 7:03:09");
        let night = at(2026, 12, 25, 23, 59, 59);
        assert_eq!(night.date_and_time(Lang::Ja), "2026/12/25 23:59:59");
        assert_eq!(
            at(2026, 12, 25, 0, 0, 1).date_and_time(Lang::Ja),
            "2026/12/25 0:00:01"
        );
    }
}
