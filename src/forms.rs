//! The forms a notice is published in, as data. One row per form says whether a
//! version needs a text of its own for it, where it lives, its template, its
//! stylesheet and its label. A new form is one row here, plus its template and
//! stylesheet in the theme.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Standard,
    EasyRead,
    LargePrint,
}

/// One form, as data.
#[derive(Debug)]
pub struct FormSpec {
    pub form: Form,
    /// The folder added to the version's address: `general/large-print/`.
    pub folder: &'static str,
    /// The theme's template for its pages.
    pub template: &'static str,
    /// What a link to it says, in English.
    pub label: &'static str,
    /// The key of its label in the theme's strings files.
    pub label_key: &'static str,
    /// Its stylesheet: the theme's entry file, where it is written, and the name
    /// templates know its address by.
    pub stylesheet_entry: &'static str,
    pub stylesheet_output: &'static str,
    pub stylesheet_variable: &'static str,
    /// Whether a version has this form only where a text was written for it (easy
    /// read); otherwise it shows the version's own text.
    pub own_text: bool,
    /// Its printable A4 handout (a tagged PDF), where the form has one.
    pub handout: Option<HandoutSpec>,
}

/// A form's PDF handout.
#[derive(Debug)]
pub struct HandoutSpec {
    /// The theme's Typst layout, which reads the text as data.
    pub layout: &'static str,
    /// What the download link calls it: "Download the easy-read leaflet".
    pub name: &'static str,
    /// The key of its name in the theme's strings files.
    pub name_key: &'static str,
    /// The end of the file name: `general-easy-read.pdf`.
    pub file_suffix: &'static str,
}

pub(crate) const FORMS: [FormSpec; 3] = [
    FormSpec {
        form: Form::Standard,
        folder: "",
        template: "notice.html",
        label: "Standard",
        label_key: "form_standard",
        stylesheet_entry: "css/main.css",
        stylesheet_output: "assets/style.css",
        stylesheet_variable: "stylesheet",
        own_text: false,
        handout: None,
    },
    FormSpec {
        form: Form::EasyRead,
        folder: "easy-read/",
        template: "easy-read.html",
        label: "Easy read",
        label_key: "form_easy_read",
        stylesheet_entry: "css/easy-read.css",
        stylesheet_output: "assets/easy-read.css",
        stylesheet_variable: "easy_read_stylesheet",
        own_text: true,
        handout: Some(HandoutSpec {
            layout: "handouts/easy-read.typ",
            name: "easy-read leaflet",
            name_key: "handout_easy_read",
            file_suffix: "easy-read",
        }),
    },
    FormSpec {
        form: Form::LargePrint,
        folder: "large-print/",
        template: "large-print.html",
        label: "Large print",
        label_key: "form_large_print",
        stylesheet_entry: "css/large-print.css",
        stylesheet_output: "assets/large-print.css",
        stylesheet_variable: "large_print_stylesheet",
        own_text: false,
        handout: Some(HandoutSpec {
            layout: "handouts/large-print.typ",
            name: "large-print handout",
            name_key: "handout_large_print",
            file_suffix: "large-print",
        }),
    },
];

impl Form {
    pub const ALL: [Form; 3] = [Form::Standard, Form::EasyRead, Form::LargePrint];

    pub fn spec(self) -> &'static FormSpec {
        FORMS
            .iter()
            .find(|spec| spec.form == self)
            .expect("every form has its row (tested)")
    }

    pub fn folder(self) -> &'static str {
        self.spec().folder
    }

    pub fn template(self) -> &'static str {
        self.spec().template
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_one_row_and_its_own_folder_template_and_stylesheet() {
        assert_eq!(FORMS.len(), Form::ALL.len());
        for form in Form::ALL {
            assert_eq!(
                FORMS.iter().filter(|s| s.form == form).count(),
                1,
                "{form:?}"
            );
        }
        let distinct = |f: fn(&FormSpec) -> &str| {
            FORMS
                .iter()
                .map(f)
                .collect::<std::collections::HashSet<_>>()
                .len()
        };
        assert_eq!(distinct(|s| s.folder), FORMS.len());
        assert_eq!(distinct(|s| s.template), FORMS.len());
        assert_eq!(distinct(|s| s.stylesheet_output), FORMS.len());
    }
}
