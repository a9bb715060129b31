//! `title`, `logoUrl`, `logoAlt` and `theme`: how the page looks for the site.

use super::error::{invalid, optional, ConfigError};
use crate::css_value::is_plain_css_value;
use serde_json::{Map, Value};

/// How the page looks for the site: its own name and logo, and overrides of the theme's custom
/// properties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Branding {
    /// `title`: the site's name, shown above the card and in the tab title, as given.
    pub title: Option<String>,
    /// `logoUrl`: an `https://` URL or a path on the page's own site.
    pub logo_url: Option<String>,
    /// `logoAlt`: the logo's text alternative; empty (the logo is decoration) unless given.
    pub logo_alt: String,
    /// `theme`: custom properties to override, as (`--lc-…` name, CSS value).
    pub theme: Vec<(&'static str, String)>,
}

/// The keys `theme` may set: (config key, the custom property it overrides, the field named in
/// errors).
pub const THEME_PROPERTIES: [(&str, &str, &str); 12] = [
    ("bg", "--lc-bg", "theme.bg"),
    ("surface", "--lc-surface", "theme.surface"),
    ("text", "--lc-text", "theme.text"),
    ("muted", "--lc-muted", "theme.muted"),
    ("accent", "--lc-accent", "theme.accent"),
    ("accentText", "--lc-accent-text", "theme.accentText"),
    ("danger", "--lc-danger", "theme.danger"),
    ("success", "--lc-success", "theme.success"),
    ("border", "--lc-border", "theme.border"),
    ("radius", "--lc-radius", "theme.radius"),
    ("space", "--lc-space", "theme.space"),
    ("font", "--lc-font", "theme.font"),
];

/// `title`, `logoUrl`, `logoAlt` and `theme`.
pub(super) fn read(object: &Map<String, Value>) -> Result<Branding, ConfigError> {
    let title = optional(object, "title")?;
    if title
        .is_some_and(|t| t.is_empty() || t.chars().count() > 100 || t.chars().any(char::is_control))
    {
        return Err(invalid(
            "title",
            "expected the site's name, 1 to 100 characters on one line",
        ));
    }
    let logo_url = optional(object, "logoUrl")?;
    if logo_url.is_some_and(|url| !is_logo_url(url)) {
        return Err(invalid(
            "logoUrl",
            "expected an https:// URL or a path on this site such as /logo.svg",
        ));
    }
    let theme = match object.get("theme") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(entries)) => entries
            .iter()
            .map(|(key, value)| theme_entry(key, value))
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(invalid(
                "theme",
                "expected an object such as {\"accent\": \"#e4007f\"}",
            ))
        }
    };
    Ok(Branding {
        title: title.map(str::to_owned),
        logo_url: logo_url.map(str::to_owned),
        logo_alt: optional(object, "logoAlt")?.unwrap_or_default().to_owned(),
        theme,
    })
}

/// One `theme` entry as (custom property, value), if the key is known and the value is plainly
/// a CSS value.
fn theme_entry(key: &str, value: &Value) -> Result<(&'static str, String), ConfigError> {
    let (_, property, field) = THEME_PROPERTIES
        .into_iter()
        .find(|(name, ..)| *name == key)
        .ok_or_else(|| {
            invalid(
                "theme",
                "unknown key; expected bg, surface, text, muted, accent, accentText, danger, \
                 success, border, radius, space or font",
            )
        })?;
    match value.as_str().map(str::trim) {
        Some(css) if is_plain_css_value(css) => Ok((property, css.to_owned())),
        Some(_) => Err(invalid(
            field,
            "expected a plain CSS value such as #e4007f, rgb(228 0 127), 4px or \"Noto Sans\", sans-serif",
        )),
        None => Err(ConfigError::NotAString { field }),
    }
}

/// `https://host/...` or a path on the page's own site (`/logo.svg`, `img/logo.png`).
fn is_logo_url(url: &str) -> bool {
    let plain = !url.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\\\"'<>".contains(c));
    if let Some(rest) = url.strip_prefix("https://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        plain && !host.is_empty() && !host.contains('@')
    } else {
        // No scheme (nothing before a colon) and not protocol-relative (`//host`).
        plain && !url.starts_with("//") && !url.contains(':')
    }
}
