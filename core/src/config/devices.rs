//! `deviceTracking`: whether the pool remembers devices, and on whose word (the pool's
//! `DeviceConfiguration`, as the template's `DeviceTracking` parameter names it).

use super::error::{invalid, optional, ConfigError};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeviceTracking {
    /// The pool tracks no devices.
    #[default]
    Off,
    /// Every confirmed device is remembered.
    Always,
    /// A device is remembered only when the user says so (`DeviceOnlyRememberedOnUserPrompt`).
    UserOptIn,
}

impl DeviceTracking {
    pub fn is_on(self) -> bool {
        self != Self::Off
    }
}

pub(super) fn read(object: &Map<String, Value>) -> Result<DeviceTracking, ConfigError> {
    Ok(match optional(object, "deviceTracking")? {
        None | Some("OFF") => DeviceTracking::Off,
        Some("ALWAYS") => DeviceTracking::Always,
        Some("USER_OPT_IN") => DeviceTracking::UserOptIn,
        Some(_) => {
            return Err(invalid(
                "deviceTracking",
                "expected OFF, ALWAYS or USER_OPT_IN",
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AppConfig;

    fn parse(extra: &str) -> Result<DeviceTracking, ConfigError> {
        AppConfig::parse(&format!(
            r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc"{extra}}}"#
        ))
        .map(|config| config.device_tracking)
    }

    #[test]
    fn reads_the_pools_setting() {
        assert_eq!(parse(""), Ok(DeviceTracking::Off));
        assert_eq!(
            parse(r#","deviceTracking":"ALWAYS""#),
            Ok(DeviceTracking::Always)
        );
        assert_eq!(
            parse(r#","deviceTracking":"USER_OPT_IN""#),
            Ok(DeviceTracking::UserOptIn)
        );
        assert!(!DeviceTracking::Off.is_on() && DeviceTracking::UserOptIn.is_on());
        for bad in [r#","deviceTracking":"on""#, r#","deviceTracking":true"#] {
            assert_eq!(parse(bad).unwrap_err().field(), Some("deviceTracking"));
        }
    }
}
