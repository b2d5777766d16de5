//! What compare finds inside the rows and articles: word differences, framing marks, quotes,
//! discrepancies and the per-outlet summary.

use serde::{Deserialize, Serialize};

/// One run of words in a word diff.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DiffSpan {
    /// What happened to these words relative to the compared cell.
    pub op: DiffOp,
    /// The words: this cell's words, or for `dropped` the other cell's words.
    pub text: String,
    /// For `changed`: the other cell's words that these replace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// Byte range in this article's body (empty, at the point of loss, for `dropped`).
    pub start: usize,
    /// End of that byte range.
    pub end: usize,
}

/// Word-diff operation.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// Same words in both.
    Equal,
    /// Words here replace other words there.
    Changed,
    /// Words only here.
    Added,
    /// Words only there.
    Dropped,
}

/// A framing highlight in an article body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mark {
    /// What kind of framing device this is.
    pub kind: MarkKind,
    /// Byte offset in the article body.
    pub start: usize,
    /// Byte offset just past the marked words.
    pub end: usize,
    /// The marked words, `body[start..end]`.
    pub text: String,
    /// A short note for the reader: why this is marked.
    #[serde(default)]
    pub note: String,
    /// Strength from 0 (neutral) to 3 (strongly loaded).
    #[serde(default)]
    pub grade: u8,
}

/// Kinds of framing marks.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A reporting verb or attribution phrase ("said", "claimed", "according to").
    Attribution,
    /// Hedging, doubt or a vague source ("reportedly", "appears to", "sources say").
    Hedge,
    /// Intensifiers and certainty ("clearly", "extremely").
    Booster,
    /// Loaded or emotive wording ("fuming", "shockwaves", "regime").
    Loaded,
    /// How a source or actor is labelled ("state-run", "state news agency", "regime",
    /// "so-called").
    Label,
    /// A direct quotation.
    Quote,
    /// Quotation marks around a word or short phrase that distance the writer from it.
    ScareQuote,
    /// Loaded or emotive wording inside a direct quotation: the speaker's word, which the
    /// outlet chose to quote but did not write.
    SpeakerLoaded,
}

impl MarkKind {
    /// Lower-case name as used in the JSON form and the views.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::Attribution => "attribution",
            MarkKind::Hedge => "hedge",
            MarkKind::Booster => "booster",
            MarkKind::Loaded => "loaded",
            MarkKind::Label => "label",
            MarkKind::Quote => "quote",
            MarkKind::ScareQuote => "scare_quote",
            MarkKind::SpeakerLoaded => "speaker_loaded",
        }
    }
}

/// A direct or indirect quotation found in one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// Article id.
    pub article: String,
    /// Byte offset of the quoted words in the body (inside the quote marks).
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Who is quoted, when the article says.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The reporting verb used ("said", "told", "claimed").
    #[serde(default)]
    pub verb: Option<String>,
    /// How sure the credit in `speaker` is: `high` when the sentence names the speaker,
    /// `medium` when it is read from a pronoun, a title or the quotation before, `low` when
    /// the speaker is only a guess (then `speaker` is empty and `said_by` says who is meant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The words that name the speaker as written ("he", "the spokeswoman"), when they differ
    /// from `speaker` or it could not be resolved ("he (unresolved)" in the views).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<String>,
}

/// How sure parallax is of a reading it cannot check against the text alone: who said a
/// quotation, or that two outlets disagree.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A guess: shown as such, never as fact.
    Low,
    /// Read through a pronoun, a title or a neighbouring quotation.
    Medium,
    /// Stated in the sentence itself.
    High,
}

impl Confidence {
    /// Lower-case name as used in the JSON form and the views.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// The same quotation as carried by several outlets.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteGroup {
    /// Stable id within the comparison ("q1", "q2", ...).
    pub id: String,
    /// The speaker most outlets name.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Each outlet's version, the fullest first.
    pub members: Vec<QuoteMember>,
}

/// One outlet's version of a shared quotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteMember {
    /// The quotation as found in the article.
    pub quote: Quote,
    /// How faithful it is to the group's fullest version.
    pub fidelity: Fidelity,
    /// Words of the fullest version that this one leaves out (for `trimmed`).
    #[serde(default)]
    pub cut: Vec<String>,
    /// Words this version has that the fullest has not (for `reworded`).
    #[serde(default)]
    pub added: Vec<String>,
    /// Share of the fullest version's words this one keeps in the same order, 0..1 (1 for the
    /// fullest itself, 0 for indirect speech).
    #[serde(default)]
    pub similarity: f32,
}

/// How faithfully an outlet carries a quotation, against the fullest version.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Fidelity {
    /// The fullest version itself.
    Fullest,
    /// The same words.
    Identical,
    /// The same words with parts cut.
    Trimmed,
    /// Different words inside quote marks.
    Reworded,
    /// Reported as indirect speech, without quote marks.
    Indirect,
}

/// A fact that differs between the cells of one row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Discrepancy {
    /// What kind of fact differs.
    pub kind: DiscrepancyKind,
    /// Each article's version of it.
    pub values: Vec<DiscrepancyValue>,
    /// A short note for the reader: what differs and why parallax thinks it is the same fact.
    #[serde(default)]
    pub note: String,
    /// True when the evidence is thin (a speaker read through a pronoun, a name only one side
    /// gives in full): shown in the row's detail, left out of reports' lists of differences.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
}

/// Kinds of facts compared across cells.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// A person named.
    Person,
    /// An organisation named.
    Organisation,
    /// A number or quantity.
    Number,
    /// A date or time.
    Date,
    /// Who is credited with saying or announcing something.
    Speaker,
    /// How an outlet or actor is labelled ("state news agency Tass" against "state-run Tass").
    Label,
}

/// One article's version of a discrepant fact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DiscrepancyValue {
    /// Article id.
    pub article: String,
    /// The words as the article has them.
    pub text: String,
    /// Byte offset in the body.
    pub start: usize,
    /// End of the words in the body.
    pub end: usize,
    /// For a speaker named by a pronoun ("he said"): the name it stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

/// Per-outlet summary of coverage and wording.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutletSummary {
    /// Article id.
    pub article: String,
    /// Ids of quote groups this article carries.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Ids of rows only this article has.
    #[serde(default)]
    pub only_here: Vec<usize>,
    /// Ids of rows most other articles have but this one lacks.
    #[serde(default)]
    pub omits: Vec<usize>,
    /// Reporting verbs used, with counts, most frequent first.
    #[serde(default)]
    pub reporting_verbs: Vec<Count>,
    /// Loaded or emotive words used, with counts, most frequent first.
    #[serde(default)]
    pub loaded_words: Vec<Count>,
    /// Who it quotes directly, with the number of quotations, most quoted first.
    #[serde(default)]
    pub speakers: Vec<Count>,
    /// Labels it gives outlets and actors ("state-run", "regime"), with counts.
    #[serde(default)]
    pub labels: Vec<Count>,
    /// Hedges and vague attributions it uses ("reportedly", "appears to"), with counts.
    #[serde(default)]
    pub hedges: Vec<Count>,
}

/// A word and how often it occurs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Count {
    /// The word (lemma or surface form).
    pub word: String,
    /// Occurrences.
    pub count: usize,
}
