fn main() {
    let lex = parallax::compare::lexicon::Lexicon::builtin();
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap();
        let ms = parallax::compare::marks(&t, lex);
        let words = parallax::text::words(&t).len();
        let list: Vec<String> = ms.iter().filter(|m| !matches!(m.kind, parallax::model::MarkKind::Quote | parallax::model::MarkKind::Attribution)).map(|m| format!("{}:{}", m.kind.as_str(), m.text)).collect();
        println!("{p} words={words} marks={} {}", list.len(), list.join(", "));
    }
}
