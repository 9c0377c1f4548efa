//! The checklist table, below load, check and render (load validates
//! `[not_applicable]` against it; check warns of what a notice leaves out; render's
//! first layer links each item to its section; `new` writes its sections from it).
//! `coverage` reads a version against it; `outline` is the version as a reader
//! scans it.
//!
//! The privacy information a notice must give (UK GDPR Articles 13 and 14, as the ICO's
//! "right to be informed" guidance lists it), and how a reader recognises each item in
//! a notice written by someone else: the words of its headings, and sentences that
//! give it where no heading does. This table is the one place that names the items;
//! `clearnotice new` writes its sections from it too.
//!
//! Patterns are regular expressions matched against one sentence (or heading) at a
//! time, in lower case with curly quotes made straight, so `.*?` never runs past the
//! sentence. (Bounded repeats like `[^.]{0,80}` made the regex engine's automaton so
//! large that the check took 3 s for 1,000 notices.) Measured on real notices: see
//! tests/checklist_real_notices.rs.

pub mod coverage;
pub(crate) mod outline;

/// One item of the checklist, with its vocabulary.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub id: &'static str,
    pub label: &'static str,
    /// Words of a heading that covers the item ("how long we keep").
    pub headings: &'static [&'static str],
    /// A heading with these words is about something else, even if it matches.
    pub not_headings: &'static [&'static str],
    /// Sentences that give the item where no heading does.
    pub sentences: &'static [&'static str],
    /// The heading and the prompt `clearnotice new` writes for it.
    pub new_heading: &'static str,
    pub new_prompt: &'static str,
}

/// Matches a sentence that names the Information Commissioner or the ICO.
const ICO: &str = r"(information commissioner|\bico\b)";

pub const ITEMS: [Item; 17] = [
    Item {
        id: "controller",
        label: "Who the controller is, and how to contact them",
        headings: &[r"\bwho we are\b", r"data controller", r"\bwho (is|are) (the |your )?(data )?controller", r"\babout us\b"],
        not_headings: &[],
        sentences: &[
            r"\b(is|are|as) (the|a|joint) (data )?controllers?\b",
            r"\b(the )?(data )?controllers? (for|of) (gds|this|your|the|our)\b",
            r"\bthe (data )?controller (is|are)\b",
            // "when the Scottish Government collects your personal information"
            r"\bwhen (the |an? )?[^.]{2,80}\bcollects? (your )?personal (information|data)\b",
            // "personal information the Department for International Trade (DIT) holds about you"
            r"\bpersonal (information|data) (that )?the [^.]{2,80}\bholds about you\b",
            // "ukonline.gov.uk, which is managed by the Cabinet Office"
            r"\bwhich is (managed|run|provided) by the\b",
            r"\bhow your (personal )?(data|information) will be used by the\b",
        ],
        new_heading: "Who we are",
        new_prompt: "Say who decides how the information is used, and how to contact them.",
    },
    Item {
        id: "representative",
        label: "The controller's representative, if any",
        headings: &[r"\brepresentative\b"],
        not_headings: &[],
        sentences: &[r"\bour (uk |eu )?representative\b", r"\brepresentative (in|for) the (uk|united kingdom|eu)\b", r"\barticle 27\b"],
        new_heading: "Our representative",
        new_prompt: "Name your representative in the UK, or say under [not_applicable] that you are based in the UK.",
    },
    Item {
        id: "dpo",
        label: "The data protection officer or lead",
        headings: &[r"data protection (officer|lead)", r"\bdpo\b"],
        not_headings: &[],
        sentences: &[r"\bdata protection (officer|lead)\b", r"\bdpo\b"],
        new_heading: "Our data protection lead",
        new_prompt: "Say how to contact your data protection officer or lead.",
    },
    Item {
        id: "purposes",
        label: "What the information is used for",
        headings: &[
            r"\bwhy (we|do we) (need|collect|use|process|gather|hold|ask)",
            r"\bhow (we|do we) use\b",
            r"\bwhat we (do|use)\b.*\b(with|for)\b",
            r"\buse of (your )?(personal )?(data|information)\b",
            r"\bpurposes?\b",
        ],
        not_headings: &[r"\bcookies?\b"],
        sentences: &[
            r"\bwe (will )?use (your|this|the|that) (personal )?(data|information|details)\b.*?\b(to|for|so)\b",
            r"\bwe (collect|gather|need|process|hold) .*?\b(in order to|so (that )?we can|for the purposes? of)\b",
            r"\bthe purposes? (is|are|for which)\b",
            r"\bwe gather this information in order to\b",
            r"\bused to (send|contact|provide|process|deal)\b",
            r"\b(personal )?(information|data)\b.*?\bin order to (receive|use|provide|get)\b",
            r"\bwhich we use to\b",
            r"\bwe ask (about|for)\b.*?\bto (decide|check|assess|provide|contact)\b",
        ],
        new_heading: "Why we need your information",
        new_prompt: "Say what you use the information for.",
    },
    Item {
        id: "lawful-basis",
        label: "The lawful basis for using it",
        headings: &[r"\b(lawful|legal) bas[ie]s\b", r"\bbasis for (processing|using)\b", r"\blegal grounds?\b"],
        not_headings: &[],
        sentences: &[
            r"\b(lawful|legal) bas[ie]s\b",
            r"\barticle 6 ?\(1\)",
            r"\bnecessary for the performance of a task carried out in the public interest\b",
            r"\bon the basis of (your )?consent\b",
        ],
        new_heading: "Our legal basis",
        new_prompt: "Say which lawful basis you rely on.",
    },
    Item {
        id: "legitimate-interests",
        label: "The legitimate interests relied on",
        headings: &[r"\blegitimate interests?\b"],
        not_headings: &[],
        sentences: &[r"\blegitimate interests? (pursued|of|we|are|is|in)\b", r"\bour legitimate interests?\b"],
        new_heading: "Our legitimate interests",
        new_prompt: "Say what your legitimate interests are, if you rely on them.",
    },
    Item {
        id: "categories",
        label: "The kinds of information (when not from the person)",
        headings: &[
            r"\bwhat (personal )?(data|information)\b.*\b(collect|hold|need|store|keep|gather)",
            r"\b(data|information) (we|that we) (collect|hold|need|store)\b",
            r"\b(personal )?(data|information) collected\b",
            r"\b(types|kinds|categories) of (personal )?(data|information)\b",
            r"^the data$",
        ],
        not_headings: &[r"\bwhy\b", r"\bhow long\b"],
        sentences: &[
            r"\bwe (collect|hold|store|process|gather) (your|the following)\b",
            r"\b(personal )?(data|information) we collect (from you )?(includes?|is|are)\b",
            r"\bthe following (personal )?(data|information)\b",
            r"\bwe collect (your )?(names?|email|three kinds|2 kinds|standard)\b",
        ],
        new_heading: "What information we collect",
        new_prompt: "List the kinds of information you hold.",
    },
    Item {
        id: "recipients",
        label: "Who it is shared with",
        headings: &[
            r"\bwho (we share|sees|can see|has access|do we share)\b",
            r"\bshar(e|ing) (your|the|of)\b",
            r"\bdata sharing\b",
            r"\brecipients?\b",
            r"\bdisclosure\b",
            r"\bproviders we use\b",
        ],
        not_headings: &[],
        sentences: &[
            r"\b(we|will|may|can) (also )?(share|pass on|disclose)\b",
            r"\b(be |is |are )?(shared|disclosed|passed on) (with|to)\b",
            r"\b(we|will|do) not (pass|share|disclose)\b",
            r"\bcan be viewed by\b",
        ],
        new_heading: "Who we share it with",
        new_prompt: "Say who sees or receives the information.",
    },
    Item {
        id: "transfers",
        label: "Transfers outside the UK, and the safeguards",
        headings: &[
            r"\btransfers?\b",
            r"\babroad\b",
            r"\boutside the (uk|united kingdom|eea|eu)\b",
            r"\bwhere (your )?(personal )?(data|information) is (processed|stored|kept)\b",
            r"\binternational\b",
            r"\boverseas\b",
        ],
        not_headings: &[],
        sentences: &[
            r"\b(transferred|sent|stored|processed|held|hosted?s?) .*?\b(outside (of )?the (uk|united kingdom|eea|european economic area|eu)|in the (united states|us|eea|european economic area))\b",
            r"\binternational (data )?transfers?\b",
            r"\badequacy (decision|regulation)s?\b",
            r"\bstandard contractual clauses\b",
            r"\bstore[sd]? (all )?(their|the) data .*?\bin the (us|united states)\b",
        ],
        new_heading: "Sending information abroad",
        new_prompt: "Say whether information leaves the UK, and how it is protected.",
    },
    Item {
        id: "retention",
        label: "How long it is kept, or how that is decided",
        headings: &[r"\bhow long\b", r"\bretention\b", r"\bkeeping (your|the) (personal )?(data|information)\b"],
        not_headings: &[],
        sentences: &[
            r"\b(keep|kept|retain|retained|hold|held|store|stored)\b.*?\b(for (a (maximum|minimum|period) of|up to|at least|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|(for |only )?(as long as|until))",
            r"\b(a )?(minimum|maximum) of \d+ (years?|months?|days?)\b",
            r"\bretention (policy|schedule|period)\b",
            r"\b(deleted|destroyed|removed) (immediately|after|when|once)\b",
            r"\breviewed after a period of\b",
        ],
        new_heading: "How long we keep it",
        new_prompt: "Say how long you keep it, or how you decide.",
    },
    Item {
        id: "rights",
        label: "The person's rights",
        headings: &[r"\byour rights\b", r"\brights\b", r"\baccess to (your )?(personal )?information\b", r"\bsubject access\b"],
        not_headings: &[],
        sentences: &[
            r"\byou (have|also have) (the|a) right\b",
            r"\bright (of|to) (access|object|erasure|rectification|request|be forgotten)\b",
            r"\bsubject access request\b",
            r"\b(wish|want|ask) to see (our|your) records\b",
        ],
        new_heading: "Your rights",
        new_prompt: "List the person's rights and how to use them.",
    },
    Item {
        id: "withdraw-consent",
        label: "The right to withdraw consent",
        headings: &[r"\bwithdraw", r"\bchanging your mind\b"],
        not_headings: &[],
        sentences: &[r"\bwithdraw(ing|al of)? (your )?consent\b", r"\bwithdraw .*?\bconsent\b", r"\bchange your mind\b"],
        new_heading: "Changing your mind",
        new_prompt: "Say how to withdraw consent at any time.",
    },
    Item {
        id: "complain-ico",
        label: "The right to complain to the ICO",
        headings: &[
            r"\binformation commissioner",
            r"\bcomplain.*?\bico\b",
            r"\bico\b.*?\bcomplain",
        ],
        not_headings: &[r"\bcomplaint to us\b"],
        sentences: &[
            // A complaint and the ICO in one sentence.
            r"(complain|complaint|concern|lodge|unhappy).*?(information commissioner|\bico\b)",
            r"(information commissioner|\bico\b).*?(complain|complaint|concern)",
            r"\bwycliffe house\b",
            r"\b0303 123 1113\b",
        ],
        new_heading: "Complaining to the ICO",
        new_prompt: "Say how to complain to the Information Commissioner's Office.",
    },
    Item {
        id: "complain-us",
        label: "The right to complain to the organisation first",
        headings: &[r"\bcomplain", r"\bconcerns?\b"],
        // A heading about the ICO, or about the organisation's own complaints work.
        not_headings: &[ICO, r"\b(people|who) (make|makes) a complaint\b"],
        sentences: &[
            r"\b(complain|complaint|concern)s?\b.*?\b(to us|contact us|write to|our data protection|the dpo|privacy team|data protection team)\b",
            r"\bthink that your personal data has been misused or mishandled\b",
            r"\bif you('re| are) unhappy with the way\b",
            r"\bquery or complaint about this privacy policy\b",
        ],
        new_heading: "Complaining to us",
        new_prompt: "Say how to complain to you first.",
    },
    Item {
        id: "source",
        label: "Where the information came from (when not from the person)",
        headings: &[
            r"\bwhere (we|do we) get\b",
            r"\bhow (we|do we) (collect|get|obtain)\b",
            r"\bsources?\b",
            r"\bwhere (your|the) (personal )?(information|data) comes? from\b",
        ],
        not_headings: &[],
        sentences: &[
            r"\b(receive|received|get|obtain|obtained|collect|collected)\b.*?\b(information|data)\b.*?\bfrom (other|third|these third|another|a third|your (gp|social worker|employer))\b",
            r"\b(information|data) (we|that we) (receive|get|obtain) from\b",
            r"\bon your behalf from another organisation\b",
        ],
        new_heading: "Where we get your information",
        new_prompt: "Say where the information comes from, if not from the person.",
    },
    Item {
        id: "requirement",
        label: "Whether giving it is a legal or contract requirement",
        headings: &[r"\b(do|must) (i|you) (have to )?(give|provide)\b", r"\bwhether you have to\b", r"\brequired by law\b"],
        not_headings: &[],
        sentences: &[
            r"\bprovision of (the )?information is required by law\b",
            r"\b(statutory|contractual) (requirement|obligation)\b",
            r"\byou (do not|don't) have to register\b",
            r"\byou are not (obliged|required) to (give|provide)\b",
            r"\b(require|required) as mandatory\b",
            r"\bwhether you have to provide it\b",
        ],
        new_heading: "Whether you have to give it",
        new_prompt: "Say whether giving the information is required by law or a contract.",
    },
    Item {
        id: "automated-decisions",
        label: "Automated decisions and profiling",
        headings: &[r"\bautomated\b", r"\bprofiling\b", r"\bdecisions made by computers?\b"],
        not_headings: &[],
        sentences: &[
            r"\bautomated decision[- ]making\b",
            r"\b(we|there)\b.*?\b(no|not|never)\b.*?\bautomated\b",
            r"\bprofiling\b",
        ],
        new_heading: "Decisions made by computers",
        new_prompt: "Say whether any decisions are made automatically.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_ids_are_unique() {
        let mut ids = std::collections::HashSet::new();
        for item in ITEMS {
            assert!(ids.insert(item.id), "{} twice", item.id);
            for pattern in item
                .headings
                .iter()
                .chain(item.not_headings)
                .chain(item.sentences)
            {
                regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{}: {e}", item.id));
            }
        }
    }
}
