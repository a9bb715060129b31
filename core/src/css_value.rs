//! Which theme values may go into the page's style: plain CSS values only, so a `config.json`
//! can recolour the page but not load anything or break out of the declaration.

/// A value that can only be a value: colours, lengths, numbers, font names, and a few maths and
/// colour functions. Nothing that loads anything (`url(`, `image-set(`), escapes, or ends the
/// declaration (`;`, `}`, `!important`).
pub fn is_plain_css_value(value: &str) -> bool {
    const FUNCTIONS: [&str; 14] = [
        "rgb",
        "rgba",
        "hsl",
        "hsla",
        "hwb",
        "lab",
        "lch",
        "oklab",
        "oklch",
        "color-mix",
        "calc",
        "min",
        "max",
        "clamp",
    ];
    let allowed = |c: char| c.is_ascii_alphanumeric() || " #.,%+-*/()'\"_".contains(c);
    if value.is_empty() || value.len() > 200 || !value.chars().all(allowed) {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in value.char_indices() {
        match c {
            '(' => {
                let name_start = value[..at]
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .map_or(0, |i| i + 1);
                let name = &value[name_start..at];
                if !name.is_empty() && !FUNCTIONS.contains(&name.to_ascii_lowercase().as_str()) {
                    return false;
                }
                depth += 1;
            }
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ => {}
        }
    }
    !value.contains("/*")
        && depth == 0
        && value.matches('"').count() % 2 == 0
        && value.matches('\'').count() % 2 == 0
}
