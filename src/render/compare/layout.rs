//! Lays a compared section out as HTML: list items back in their (nested) lists,
//! table rows back in their table, and unchanged text folded away in a `<details>`
//! ("Show the unchanged text", which works with no JavaScript), keeping one block of
//! context on each side of every change.

use super::{UnitResult, UnitState};
use crate::render::compare::units::UnitKind;

/// Units that show as one block on the page: one paragraph or heading, or a whole
/// list or table.
struct Group<'a> {
    units: &'a [UnitResult],
}

impl Group<'_> {
    fn changed(&self) -> bool {
        self.units.iter().any(|u| u.state != UnitState::Equal)
    }
}

fn groups(units: &[UnitResult]) -> Vec<Group<'_>> {
    let mut groups = Vec::new();
    let mut start = 0;
    while start < units.len() {
        let class = block_class(&units[start].kind);
        let mut end = start + 1;
        if class != BlockClass::Single {
            loop {
                while end < units.len() && block_class(&units[end].kind) == class {
                    end += 1;
                }
                // Removed text that stood between two items stays inside the list
                // (shown with the item before it), so the list is not cut in two.
                let mut after = end;
                while after < units.len()
                    && units[after].state == UnitState::Removed
                    && block_class(&units[after].kind) == BlockClass::Single
                {
                    after += 1;
                }
                if class == BlockClass::List
                    && after > end
                    && after < units.len()
                    && block_class(&units[after].kind) == class
                {
                    end = after;
                } else {
                    break;
                }
            }
        }
        groups.push(Group {
            units: &units[start..end],
        });
        start = end;
    }
    groups
}

#[derive(PartialEq, Eq)]
enum BlockClass {
    List,
    Table,
    Single,
}

fn block_class(kind: &UnitKind) -> BlockClass {
    match kind {
        UnitKind::ListItem { .. } => BlockClass::List,
        UnitKind::TableRow { .. } => BlockClass::Table,
        _ => BlockClass::Single,
    }
}

/// The section's HTML; with `fold`, unchanged blocks away from any change are folded.
pub(super) fn layout(units: &[UnitResult], fold: bool, show_unchanged: &str) -> String {
    let groups = groups(units);
    let changed: Vec<bool> = groups.iter().map(Group::changed).collect();
    let shown = |i: usize| {
        !fold
            || changed[i]
            || (i > 0 && changed[i - 1])
            || changed.get(i + 1).copied().unwrap_or(false)
    };
    let mut html = String::new();
    let mut folded = String::new();
    for (i, group) in groups.iter().enumerate() {
        if shown(i) {
            close_fold(&mut html, &mut folded, show_unchanged);
            html.push_str(&render(group));
        } else {
            folded.push_str(&render(group));
        }
    }
    close_fold(&mut html, &mut folded, show_unchanged);
    html
}

fn close_fold(html: &mut String, folded: &mut String, show_unchanged: &str) {
    if !folded.is_empty() {
        html.push_str("<details class=\"compare-unchanged\"><summary>");
        html.push_str(show_unchanged);
        html.push_str("</summary>");
        html.push_str(folded);
        html.push_str("</details>");
        folded.clear();
    }
}

fn render(group: &Group) -> String {
    let first = &group.units[0];
    match first.kind {
        UnitKind::ListItem { .. } => render_list(group.units),
        UnitKind::TableRow { .. } => render_table(group.units),
        UnitKind::Heading(level) => {
            // Headings inside a section start one level below the section's h2.
            let level = level.clamp(3, 6);
            format!("<h{level}>{}</h{level}>", first.html)
        }
        UnitKind::Paragraph => format!("<p>{}</p>", first.html),
        UnitKind::Other => first.html.clone(),
    }
}

/// List items back in nested `<ul>`/`<ol>` elements by their depth. Each open list
/// knows whether it has an item open, so a list nested deeper than the items around
/// it (its parent item paired away) still sits inside an `<li>`.
fn render_list(items: &[UnitResult]) -> String {
    let mut html = String::new();
    let mut open: Vec<OpenList> = Vec::new();
    for item in items {
        let UnitKind::ListItem {
            ordered,
            depth,
            continues,
        } = item.kind
        else {
            // Removed text kept inside the list: with the item before it.
            item_open(&mut html, &mut open);
            html.push_str(&format!("<p>{}</p>", item.html));
            continue;
        };
        while open.len() > depth + 1 {
            close_list(&mut html, &mut open);
        }
        if continues && open.len() == depth + 1 {
            // More of the item open at this depth, after its nested list.
            item_open(&mut html, &mut open);
            html.push_str(&format!("<p>{}</p>", item.html));
            continue;
        }
        if open.len() == depth + 1 {
            if let Some(list) = open.last_mut().filter(|list| list.item_open) {
                html.push_str("</li>");
                list.item_open = false;
            }
        }
        while open.len() < depth + 1 {
            item_open(&mut html, &mut open);
            html.push_str(if ordered { "<ol>" } else { "<ul>" });
            open.push(OpenList {
                ordered,
                item_open: false,
            });
        }
        html.push_str("<li>");
        html.push_str(&item.html);
        if let Some(list) = open.last_mut() {
            list.item_open = true;
        }
    }
    while !open.is_empty() {
        close_list(&mut html, &mut open);
    }
    html
}

struct OpenList {
    ordered: bool,
    item_open: bool,
}

/// Makes sure the innermost open list has an item open to write into.
fn item_open(html: &mut String, open: &mut [OpenList]) {
    if let Some(list) = open.last_mut() {
        if !list.item_open {
            html.push_str("<li>");
            list.item_open = true;
        }
    }
}

fn close_list(html: &mut String, open: &mut Vec<OpenList>) {
    if let Some(list) = open.pop() {
        if list.item_open {
            html.push_str("</li>");
        }
        html.push_str(if list.ordered { "</ol>" } else { "</ul>" });
    }
}

fn render_table(rows: &[UnitResult]) -> String {
    let mut html = String::from("<table>");
    let mut body = false;
    for row in rows {
        let header = matches!(row.kind, UnitKind::TableRow { header: true });
        if !header && !body {
            html.push_str("<tbody>");
            body = true;
        }
        if header {
            html.push_str(&format!("<thead><tr>{}</tr></thead>", row.html));
        } else {
            html.push_str(&format!("<tr>{}</tr>", row.html));
        }
    }
    if body {
        html.push_str("</tbody>");
    }
    html.push_str("</table>");
    html
}
