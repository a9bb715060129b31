//! The page's own address as the router knows it (so it follows client-side navigation), and its
//! query read the way the browser reads it.

use leptos::prelude::*;
use leptos_router::hooks::use_url;

/// Where the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageAddress {
    /// `https://site.example`
    pub origin: String,
    /// The path, query and fragment: `/account?tab=2#top`.
    pub local: String,
    /// The raw query, without `?`.
    pub search: String,
}

impl PageAddress {
    /// The absolute URL.
    pub fn href(&self) -> String {
        format!("{}{}", self.origin, self.local)
    }

    /// A query parameter, decoded once, as `URLSearchParams` does. (The router's query map
    /// decodes its values a second time, which would read `%252F` as `/`.)
    pub fn query_param(&self, name: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(&self.search)
            .ok()?
            .get(name)
    }
}

/// The current page's address, inside a `<Router>`.
pub fn use_page_address() -> Memo<PageAddress> {
    let url = use_url();
    Memo::new(move |_| {
        url.with(|url| {
            let search = url.search().to_owned();
            let query = if search.is_empty() {
                String::new()
            } else {
                format!("?{search}")
            };
            PageAddress {
                origin: url.origin().to_owned(),
                local: format!("{}{query}{}", url.path(), url.hash()),
                search,
            }
        })
    })
}
