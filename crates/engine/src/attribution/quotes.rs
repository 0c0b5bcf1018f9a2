//! Direct quotes in a sequence of paragraphs: straight and curly quotation
//! marks, a quote split by its attribution (two spans in one paragraph), and a
//! quote that runs over several paragraphs (each reopened with a mark, the
//! last one closed).

/// One quoted span: paragraph, byte range of the words inside the marks, and
/// the byte range including the marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The paragraph index.
    pub paragraph: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the paragraph's end when the
    /// quote runs on).
    pub close: usize,
    /// Whether the quote continues in the next paragraph.
    pub runs_on: bool,
    /// The index of the first span of a quote that runs over paragraphs.
    pub group: usize,
}

fn is_open(c: char) -> bool {
    matches!(c, '"' | '“' | '„')
}

fn is_close(c: char) -> bool {
    matches!(c, '"' | '”')
}

/// Whether the first quotation mark of `text` closes a quote: a closing
/// curly mark, or one of an odd number of straight marks.
fn closes_first(text: &str) -> bool {
    match text.chars().find(|&c| is_open(c) || is_close(c)) {
        Some('”') => true,
        Some('"') => text.matches('"').count() % 2 == 1,
        _ => false,
    }
}

/// Finds every quoted span of `paragraphs`, in reading order.
pub fn find(paragraphs: &[&str]) -> Vec<QuoteSpan> {
    let mut spans: Vec<QuoteSpan> = Vec::new();
    let mut carried_group: Option<usize> = None;
    for (p, text) in paragraphs.iter().enumerate() {
        let mut open_at: Option<usize> = None;
        let mut group_of_open = None;
        let first_char = text.chars().next();
        if carried_group.is_some() && !first_char.is_some_and(is_open) {
            if closes_first(text) {
                // A run-on quote not reopened but closed here (`… kata dia.”
                // ujarnya` with no mark at the start): it goes on from the start.
                open_at = Some(0);
                group_of_open = carried_group.take();
            } else {
                // The convention was not kept; stop it.
                carried_group = None;
            }
        }
        for (i, c) in text.char_indices() {
            match open_at {
                None if is_open(c) => {
                    open_at = Some(i);
                    group_of_open = if i == 0 { carried_group.take() } else { None };
                }
                Some(start) if is_close(c) => {
                    let index = spans.len();
                    spans.push(QuoteSpan {
                        paragraph: p,
                        open: start,
                        close: i + c.len_utf8(),
                        runs_on: false,
                        group: group_of_open.take().unwrap_or(index),
                    });
                    open_at = None;
                }
                _ => {}
            }
        }
        carried_group = None;
        if let Some(start) = open_at {
            let index = spans.len();
            let group = group_of_open.unwrap_or(index);
            spans.push(QuoteSpan {
                paragraph: p,
                open: start,
                close: text.len(),
                runs_on: true,
                group,
            });
            carried_group = Some(group);
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_curly_split_and_run_on_quotes() {
        let paragraphs = [
            "\"Iya,\" jawab Luqman.",
            "“Saya minta,” kata Rina, “dokumen dibawa.”",
            "\"Bagian pertama kutipan panjang.",
            "\"Bagian kedua yang menutupnya,\" tegasnya.",
            "Narasi tanpa kutipan.",
        ];
        let spans = find(&paragraphs);
        let summary: Vec<(usize, bool, usize)> = spans
            .iter()
            .map(|s| (s.paragraph, s.runs_on, s.group))
            .collect();
        assert_eq!(
            summary,
            vec![
                (0, false, 0),
                (1, false, 1),
                (1, false, 2),
                (2, true, 3),
                (3, false, 3)
            ]
        );
        assert_eq!(&paragraphs[0][spans[0].open..spans[0].close], "\"Iya,\"");
    }

    #[test]
    fn a_run_on_quote_closed_without_reopening_goes_on() {
        let spans = find(&[
            "“Bagian pertama tanpa penutup.",
            "Bagian kedua yang menutupnya,” ucapnya.",
        ]);
        let summary: Vec<(usize, usize, bool, usize)> = spans
            .iter()
            .map(|s| (s.paragraph, s.open, s.runs_on, s.group))
            .collect();
        assert_eq!(summary, vec![(0, 0, true, 0), (1, 0, false, 0)]);
    }

    #[test]
    fn an_unclosed_quote_not_reopened_stops() {
        let spans = find(&["\"Tanpa penutup", "Paragraf biasa \"kutip\" di tengah."]);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1].group, 1);
    }
}
