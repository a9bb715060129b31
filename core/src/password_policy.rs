//! The pool's password policy (Cognito's `PasswordPolicyType`, given in `config.json` as
//! `passwordPolicy` in camelCase) and the rules a password breaks, so the page can name every
//! unmet rule while the user types instead of after a round trip.

/// What the pool demands of a new password. Cognito itself has the last word; this is only a
/// preview, so a policy that is laxer than the pool's costs one refused request, never a lockout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    pub minimum_length: u8,
    pub require_lowercase: bool,
    pub require_uppercase: bool,
    pub require_numbers: bool,
    pub require_symbols: bool,
}

/// Cognito's default for a new pool: at least 8 characters with all four kinds.
impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            minimum_length: 8,
            require_lowercase: true,
            require_uppercase: true,
            require_numbers: true,
            require_symbols: true,
        }
    }
}

/// One requirement a password can fail, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    MinimumLength(u8),
    Lowercase,
    Uppercase,
    Numbers,
    Symbols,
    /// Cognito refuses any password that starts or ends with white space, whatever the policy.
    NoSpaceAtEnds,
}

/// The characters Cognito counts as special (plus a space that is not at either end).
const SYMBOLS: &str = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

impl PasswordRule {
    /// Whether `password` satisfies this rule. Letters and digits are Basic Latin, as in Cognito.
    pub fn is_met_by(self, password: &str) -> bool {
        match self {
            Self::MinimumLength(n) => password.chars().count() >= usize::from(n),
            Self::Lowercase => password.chars().any(|c| c.is_ascii_lowercase()),
            Self::Uppercase => password.chars().any(|c| c.is_ascii_uppercase()),
            Self::Numbers => password.chars().any(|c| c.is_ascii_digit()),
            Self::Symbols => password
                .trim()
                .chars()
                .any(|c| c == ' ' || SYMBOLS.contains(c)),
            Self::NoSpaceAtEnds => password.trim() == password,
        }
    }
}

impl PasswordPolicy {
    /// Every rule of this policy, in display order.
    pub fn rules(&self) -> Vec<PasswordRule> {
        [
            Some(PasswordRule::MinimumLength(self.minimum_length)),
            self.require_lowercase.then_some(PasswordRule::Lowercase),
            self.require_uppercase.then_some(PasswordRule::Uppercase),
            self.require_numbers.then_some(PasswordRule::Numbers),
            self.require_symbols.then_some(PasswordRule::Symbols),
            Some(PasswordRule::NoSpaceAtEnds),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The rules `password` breaks, all of them at once, in display order.
    pub fn unmet(&self, password: &str) -> Vec<PasswordRule> {
        self.rules()
            .into_iter()
            .filter(|rule| !rule.is_met_by(password))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::PasswordRule::*;
    use super::*;

    #[test]
    fn default_policy_names_every_unmet_rule_at_once() {
        let policy = PasswordPolicy::default();
        assert_eq!(
            policy.unmet("inv"),
            vec![MinimumLength(8), Uppercase, Numbers, Symbols]
        );
        assert_eq!(
            policy.unmet("INV"),
            vec![MinimumLength(8), Lowercase, Numbers, Symbols]
        );
        assert_eq!(
            policy.unmet(""),
            vec![MinimumLength(8), Lowercase, Uppercase, Numbers, Symbols]
        );
        assert_eq!(policy.unmet("Correct-Horse-9"), vec![]);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let rule = MinimumLength(8);
        assert!(!rule.is_met_by("パスワード12"));
        assert!(rule.is_met_by("パスワードです12"));
        assert!(!rule.is_met_by("1234567"));
        assert!(rule.is_met_by("12345678"));
    }

    #[test]
    fn only_cognitos_special_characters_count_as_symbols() {
        for symbol in SYMBOLS.chars() {
            assert!(Symbols.is_met_by(&format!("a{symbol}b")), "{symbol}");
        }
        assert!(Symbols.is_met_by("pass word"));
        for not_special in [
            "password",
            "pass\u{00e9}",
            "パスワード",
            "pass\tword",
            " pass",
            "pass ",
        ] {
            assert!(!Symbols.is_met_by(not_special), "{not_special:?}");
        }
    }

    #[test]
    fn letters_and_digits_are_basic_latin() {
        assert!(!Uppercase.is_met_by("\u{00c9}"));
        assert!(!Lowercase.is_met_by("\u{00e9}"));
        assert!(!Numbers.is_met_by("\u{0663}"));
        assert!(Numbers.is_met_by("x7"));
    }

    #[test]
    fn spaces_at_either_end_are_refused_whatever_the_policy() {
        let lax = PasswordPolicy {
            minimum_length: 6,
            require_lowercase: false,
            require_uppercase: false,
            require_numbers: false,
            require_symbols: false,
        };
        assert_eq!(lax.unmet(" abcdef"), vec![NoSpaceAtEnds]);
        assert_eq!(lax.unmet("abcdef\n"), vec![NoSpaceAtEnds]);
        assert_eq!(lax.unmet("abc def"), vec![]);
    }
}
