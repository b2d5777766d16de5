//! Cleaning rules on realistic page text: each test feeds lines shaped like those real news
//! pages produce and checks what stays, what goes, and under which rule.

use super::*;
use crate::corpus::doc::paras_of_text;

fn plain(text: &str) -> RawDoc {
    RawDoc {
        path: "x.txt".into(),
        id: "x".into(),
        paras: paras_of_text(text),
        plain: true,
        ..RawDoc::default()
    }
}

fn run(text: &str) -> Cleaned {
    clean(plain(text), &SharedLines::default(), true)
}

fn rule_of(c: &Cleaned, needle: &str) -> Option<Rule> {
    c.removed
        .iter()
        .find(|r| r.text.contains(needle))
        .map(|r| r.rule)
}

#[test]
fn caption_and_credit_pairs_go_body_stays() {
    let c = run(
        "Russian President Vladimir Putin speaks with Kremlin spokesman Dmitry Peskov during a summit of leaders in Moscow, Russia October 8, 2024.\n\
Sergei Ilnitsky | Via Reuters\n\
After its initial enthusiasm for the thawing of frozen relations, the Kremlin now appears to be playing it cool.\n\
U.S. President Donald Trump and Russian President Vladimir Putin hold a bilateral meeting at the G20 leaders summit in Osaka, Japan, on June 28, 2019.\n\
Kevin Lamarque | Reuters\n\
Putin at the time praised Trump's \"rational approach to the current situation.\"\n",
    );
    assert_eq!(
        c.article.body,
        "After its initial enthusiasm for the thawing of frozen relations, the Kremlin now appears to be playing it cool.\n\
Putin at the time praised Trump's \"rational approach to the current situation.\""
    );
    assert_eq!(rule_of(&c, "Sergei Ilnitsky"), Some(Rule::Credit));
    assert_eq!(rule_of(&c, "speaks with Kremlin"), Some(Rule::Caption));
    assert_eq!(rule_of(&c, "G20 leaders summit"), Some(Rule::Caption));
    assert_eq!(c.article.title, None, "a caption is not a headline");
}

#[test]
fn a_credit_after_prose_does_not_take_the_prose_with_it() {
    let c = run(
        "The Kremlin said relations were recovering slowly, and that the process would take years.\n\
Mikhail Metzel | TASS\n\
Peskov told reporters on Tuesday that trust would have to be rebuilt step by step.\n",
    );
    assert!(c.article.body.starts_with("The Kremlin said relations"));
    assert_eq!(c.removed.len(), 1);
}

#[test]
fn snippet_page_header_becomes_metadata() {
    let c = run(
        "\nKremlin says US–Russia relationship in early stages of recovery\n\n\n\n\
Published on March 11, 2025\n\n\
Document Date: Wed, Dec 31 2025 12:35:16 pm\n\n\
Category: ,English,International - ,Snippets\n\n\
Show on website : [Click Here](#)\n\n\
Sources Anadolu Ajansı\n\n\
The Kremlin has stated that efforts to restore relations between Russia and the United States are still in the “initial stages.”\n\n\
Kremlin spokesperson Dmitry Peskov emphasized that the road to fully rebuilding the bilateral\n\n\
relationship will be long and challenging.\n",
    );
    let a = &c.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Kremlin says US–Russia relationship in early stages of recovery")
    );
    assert_eq!(
        a.date_iso().as_deref(),
        Some("2025-03-11"),
        "the publication line beats the document date"
    );
    assert_eq!(a.source.as_deref(), Some("Anadolu Ajansı"));
    assert_eq!(
        a.body,
        "The Kremlin has stated that efforts to restore relations between Russia and the United States are still in the “initial stages.”\n\
Kremlin spokesperson Dmitry Peskov emphasized that the road to fully rebuilding the bilateral relationship will be long and challenging."
    );
    assert_eq!(rule_of(&c, "Show on website"), Some(Rule::Link));
    assert_eq!(rule_of(&c, "Category:"), Some(Rule::Metadata));
    assert_eq!(rule_of(&c, "Document Date"), Some(Rule::Metadata));
}

#[test]
fn rewrite_site_furniture_goes_subheadings_stay() {
    let c = run(
        "How Putin is playing his on-the-mend US relations with Trump\n\n\
Source Cryptopolitan\n\n\
The Kremlin is keeping things measured. Putin is not rushing into a full embrace of Washington.\n\n\
Russia and the US reopen Ukraine negotiations, leaving Europe out\n\n\
The biggest shift came when Trump's administration sat down with Russia for the first high-level talks in years.\n\n\
U.S. officials meet with Russian Foreign Minister Sergei Lavrov in Riyadh, Saudi Arabia, over the war in Ukraine. Source: The Washington Post\n\n\
Economic fallout and geopolitical winners\n\n\
Roche said the window for pushing Russia over the edge has closed. “But that is over as soon as losses stop,” he added.\n\n\
Cryptopolitan Academy: Tired of market swings? Learn how DeFi can help you build steady passive income. Register Now\n\n\
Disclaimer: For information purposes only. Past performance is not indicative of future results.\n\
placeholder\n\
Australian Dollar weakens amid heightened global risk sentimentThe Australian Dollar (AUD) extends its losses against the US Dollar (USD).\n\
Author\u{a0}\u{a0}FXStreet\n\
Yesterday 02: 17\n\
The Australian Dollar (AUD) extends its losses against the US Dollar (USD) for the third consecutive session on Tuesday.\n\
placeholder\n\
Ripple (XRP) Rival Under $0.05 Set to Pump 39x by Q3 2025While XRP experiences volatility, investors are turning to rivals.\n\
Author\u{a0}\u{a0}Cryptopolitan\n\
3 hours ago\n\
While XRP experiences volatility, investors are turning to more promising rivals.\n\
goTop\n\
quote",
    );
    let a = &c.article;
    assert_eq!(
        a.title.as_deref(),
        Some("How Putin is playing his on-the-mend US relations with Trump")
    );
    assert_eq!(a.source.as_deref(), Some("Cryptopolitan"));
    let body: Vec<&str> = a.body.lines().collect();
    assert_eq!(body.len(), 5, "{body:#?}");
    assert_eq!(
        body[1],
        "Russia and the US reopen Ukraine negotiations, leaving Europe out"
    );
    assert_eq!(body[3], "Economic fallout and geopolitical winners");
    assert!(body[4].ends_with("he added."));
    assert_eq!(
        rule_of(&c, "Source: The Washington Post"),
        Some(Rule::Caption)
    );
    assert_eq!(rule_of(&c, "Register Now"), Some(Rule::Promo));
    assert_eq!(rule_of(&c, "Disclaimer:"), Some(Rule::Disclaimer));
    assert_eq!(
        rule_of(&c, "Australian Dollar weakens"),
        Some(Rule::Related)
    );
    assert_eq!(rule_of(&c, "Ripple (XRP)"), Some(Rule::Related));
    assert_eq!(rule_of(&c, "goTop"), Some(Rule::Interface));
    assert_eq!(rule_of(&c, "quote"), Some(Rule::Interface));
}

#[test]
fn a_source_glued_to_prose_is_cut_off_and_the_prose_kept() {
    let c = run(
        "Unemployment in the euro zone rose to 6.2 percent in January, the highest in a year. Source: Eurostat\n",
    );
    assert_eq!(
        c.article.body,
        "Unemployment in the euro zone rose to 6.2 percent in January, the highest in a year."
    );
    assert_eq!(rule_of(&c, "Source: Eurostat"), Some(Rule::Credit));
}

#[test]
fn lines_ending_in_a_photo_credit_are_captions() {
    let c = run(
        "The Kremlin said on Tuesday that restoring relations with Washington would take a long time.\n\
Vladimir Putin at a meeting in Moscow. Photograph: Alexander Kazakov/AP\n\
Russian President Vladimir Putin attends a meeting in Moscow, Russia, January 12, 2025. REUTERS/Evgenia Novozhenina/File Photo\n\
Image source, Getty Images\n\
Image caption, Putin and Trump met in Alaska last month\n\
Peskov said both sides would have to take many small steps to rebuild trust.\n\
Reporting by Dmitry Antonov; Editing by Andrew Osborn\n",
    );
    assert_eq!(c.article.body.lines().count(), 2, "{}", c.article.body);
    assert_eq!(rule_of(&c, "Photograph:"), Some(Rule::Caption));
    assert_eq!(rule_of(&c, "REUTERS/"), Some(Rule::Caption));
    assert_eq!(rule_of(&c, "Image source"), Some(Rule::Credit));
    assert_eq!(rule_of(&c, "Image caption"), Some(Rule::Caption));
    assert_eq!(rule_of(&c, "Reporting by"), Some(Rule::Byline));
}

#[test]
fn date_line_title_and_update_line_of_a_wire_page() {
    let c = run("May 2, 2013, 1:12 PM\n\
Lawyer: Lindsay Lohan checks into rehab facility\n\
Updated 4:08 p. m. ET\n\
Lindsay Lohan's attorney said Thursday the actress checked into a Southern California rehab facility.\n\
Mark Jay Heller told a judge that Lohan was settling in at Morningside Recovery.\n");
    let a = &c.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Lawyer: Lindsay Lohan checks into rehab facility")
    );
    assert_eq!(a.date_iso().as_deref(), Some("2013-05-02"));
    assert_eq!(a.body.lines().count(), 2);
    assert_eq!(rule_of(&c, "Updated 4:08"), Some(Rule::Timestamp));
}

#[test]
fn a_lede_is_not_taken_for_a_headline() {
    let c = run("Well it's better late than never, Tara.\n\
The original trainwreck Tara Reid's publicist confirmed that the actress was admitted into Promises Treatment Center.\n\
Trust me.\n\
I partied.\n\
20-13.\n");
    assert_eq!(c.article.title, None);
    assert_eq!(c.article.body.lines().count(), 5, "{:?}", c.removed);
}

#[test]
fn news_database_export_fields() {
    let c = run("Kremlin signals slow thaw with Washington\n\
The Moscow Times\n\
Byline: Jane Doe\n\
Section: WORLD; Pg. 4\n\
Length: 523 words\n\
The Kremlin on Monday signalled that any thaw with Washington would be slow, saying years of damage could not be undone quickly.\n\
Officials in Moscow said a second round of talks could take place in Saudi Arabia this week.\n\
Load-Date: February 26, 2025\n\
Copyright 2025 The Moscow Times All Rights Reserved\n");
    let a = &c.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Kremlin signals slow thaw with Washington")
    );
    assert_eq!(a.date_iso().as_deref(), Some("2025-02-26"));
    assert_eq!(rule_of(&c, "Byline:"), Some(Rule::Byline));
    assert_eq!(rule_of(&c, "Length:"), Some(Rule::Metadata));
    assert_eq!(rule_of(&c, "Copyright"), Some(Rule::Disclaimer));
    assert!(
        a.body
            .starts_with("The Moscow Times\nThe Kremlin on Monday"),
        "{}",
        a.body
    );
}

#[test]
fn header_and_footer_lines_shared_by_three_files_go_but_shared_prose_stays() {
    let mk = |lead: &str| {
        plain(&format!(
            "Headline number {lead}\nThe Daily Example Newsroom\n{lead} said on Monday that the talks would continue in Riyadh next week.\n\
Alignment in the background\nThe Council adopted the U.S. resolution with support from Russia and China.\nHe was 75.\nThe Daily Example Newsroom\n"
        ))
    };
    let docs = [mk("Peskov"), mk("Lavrov"), mk("Ryabkov")];
    let shared = SharedLines::from_docs(&docs);
    let c = clean(docs[0].clone(), &shared, true);
    let body: Vec<&str> = c.article.body.lines().collect();
    assert_eq!(
        body,
        [
            "Peskov said on Monday that the talks would continue in Riyadh next week.",
            "Alignment in the background",
            "The Council adopted the U.S. resolution with support from Russia and China.",
            "He was 75.",
        ]
    );
    assert_eq!(
        c.removed
            .iter()
            .filter(|r| r.rule == Rule::Repeated)
            .count(),
        2
    );
    // Two files are not enough to call a line furniture.
    let shared = SharedLines::from_docs(&docs[..2]);
    assert!(
        clean(docs[0].clone(), &shared, true)
            .article
            .body
            .contains("Newsroom")
    );
}

#[test]
fn a_repeated_pull_quote_goes_once_and_a_repeated_caption_entirely() {
    let c = run(
        "Before we start celebrating a victory for forcing Kim to back down, let's pause and remember what he said.\n\
While Kim's conciliatory words are certainly welcome, there's no way of knowing whether he will act.\n\
Before we start celebrating a victory for forcing Kim to back down, let's pause and remember what he said.\n\
Migrants and supporters have converged at the fence between Tijuana and San Diego, on April 29, 2018.\n\
\"Mexico is not a country to seek asylum,\" Torres said.\n\
Migrants and supporters have converged at the fence between Tijuana and San Diego, on April 29, 2018.\n",
    );
    assert_eq!(
        c.article.body,
        "Before we start celebrating a victory for forcing Kim to back down, let's pause and remember what he said.\n\
While Kim's conciliatory words are certainly welcome, there's no way of knowing whether he will act.\n\
\"Mexico is not a country to seek asylum,\" Torres said."
    );
}

#[test]
fn terminal_escapes_and_invisible_characters_are_removed() {
    let c = run(
        "The \u{1b}[31mKremlin\u{1b}[0m said\u{200b} ties\u{a0}were\trecovering, \u{1b}]52;c;cm0gLXJmIH4=\u{7}officials in \u{202e}Moscow\u{2066} said on\u{e0041} Monday.\n",
    );
    assert_eq!(
        c.article.body,
        "The Kremlin said ties were recovering, officials in Moscow said on Monday."
    );
}

#[test]
fn with_cleaning_off_every_line_stays() {
    let doc = plain(
        "Kevin Lamarque | Reuters\nplaceholder\nThe Kremlin said relations were recovering slowly.\n",
    );
    let c = clean(doc, &SharedLines::default(), false);
    assert_eq!(c.article.body.lines().count(), 3);
    assert!(c.removed.is_empty());
}

#[test]
fn structured_title_removes_its_repeat_from_the_body() {
    let mut doc = plain(
        "Kremlin says ties recovering\nThe Kremlin has said that ties with Washington are recovering slowly, officials said.\n",
    );
    doc.title = Some("Kremlin Says Ties Recovering".into());
    let c = clean(doc, &SharedLines::default(), true);
    assert_eq!(
        c.article.title.as_deref(),
        Some("Kremlin Says Ties Recovering")
    );
    assert_eq!(c.article.body.lines().count(), 1);
}

#[test]
fn field_dates_beat_dates_in_the_text() {
    let mut doc = plain(
        "Published on March 11, 2025\nThe Kremlin has said that ties with Washington are recovering slowly.\n",
    );
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 12);
    let c = clean(doc, &SharedLines::default(), true);
    assert_eq!(c.article.date_iso().as_deref(), Some("2025-03-12"));
}

#[test]
fn a_site_name_after_a_bar_leaves_the_title_for_the_outlet() {
    let c = run(
        "Kremlin says repairing ties with Washington will take time | World Desk Daily\n\
The Kremlin said on Tuesday that restoring relations with the United States was a long process.\n",
    );
    assert_eq!(
        c.article.title.as_deref(),
        Some("Kremlin says repairing ties with Washington will take time")
    );
    assert_eq!(c.article.source.as_deref(), Some("World Desk Daily"));
    let c = run(
        "BREAKING NEWS\nUN Security Council adopts U.S. resolution on Ukraine\n\
The U.N. Security Council on Monday adopted a U.S.-drafted resolution on Ukraine.\n",
    );
    assert_eq!(
        c.article.title.as_deref(),
        Some("UN Security Council adopts U.S. resolution on Ukraine")
    );
}

#[test]
fn a_kicker_above_the_headline_is_not_the_title() {
    let c = run(
        "Europe\nKremlin says repairing ties with Washington will take time\n\
The Kremlin said on Tuesday that restoring relations with the United States was a long process.\n",
    );
    assert_eq!(
        c.article.title.as_deref(),
        Some("Kremlin says repairing ties with Washington will take time")
    );
    assert_eq!(rule_of(&c, "Europe"), Some(Rule::Metadata));
    // Two words are too few to call a headline.
    let c = run(
        "Obama wins\nThe senator from Illinois was elected president of the United States on Tuesday.\n",
    );
    assert_eq!(c.article.title, None);
}
