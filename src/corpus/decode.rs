//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy single-byte encodings, and the
//! refusal of binary files. Saved news pages come in every encoding their sites ever used.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ReadError;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when the bytes were not UTF-8 and an encoding was guessed or declared: its name.
    /// Worth telling the user, since a guess can be wrong.
    pub legacy: Option<&'static str>,
    /// Invalid byte sequences replaced by U+FFFD in text read as UTF-8 because nearly all of
    /// it is (a file cut mid-character, a stray byte): worth a note too.
    pub replaced: usize,
}

/// How many leading bytes are examined to decide whether a file is binary.
const SNIFF: usize = 8192;

/// Decode a file's bytes. `declared` is an encoding label the file names for itself (an HTML
/// `<meta charset>`), used when the bytes are not UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != UTF_8 {
            return Err(ReadError::Undecodable {
                encoding: enc.name(),
            });
        }
        let legacy = (enc != UTF_8).then_some(enc.name());
        return finish(text.into_owned(), legacy);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return finish(text.into_owned(), Some(enc.name()));
        }
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), None);
    }
    if let Some((text, replaced)) = mostly_utf8(bytes) {
        let mut d = finish(text, None)?;
        d.replaced = replaced;
        return Ok(d);
    }
    let enc = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        .unwrap_or_else(|| guess(bytes));
    let (text, _) = enc.decode_without_bom_handling(bytes);
    finish(text.into_owned(), Some(enc.name()))
}

fn finish(text: String, legacy: Option<&'static str>) -> Result<Decoded, ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if control_ratio(&text) > 0.05 {
        return Err(ReadError::Binary);
    }
    Ok(Decoded {
        text,
        legacy,
        replaced: 0,
    })
}

/// UTF-8 text with a few invalid sequences (a stray byte, a character cut in two) is still
/// UTF-8: decoding all of it as windows-1252 would garble every other non-ASCII character
/// ("US–Russia" as "USâ€“Russia"). Taken as UTF-8, with the bad sequences replaced, when
/// it holds at least as many valid multi-byte characters as invalid sequences (legacy text
/// holds next to none: its accented letters are single bytes between ASCII ones) and those
/// are rare (one per thousand bytes at most, or eight in a shorter file). Returns the text and the count replaced.
fn mostly_utf8(bytes: &[u8]) -> Option<(String, usize)> {
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        text.push_str(valid);
        if !chunk.invalid().is_empty() {
            invalid += 1;
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (multibyte >= invalid.max(1) && invalid * 1000 <= bytes.len().max(8000))
        .then_some((text, invalid))
}

/// The legacy encoding chardetng finds most likely for non-UTF-8 bytes.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, Utf8Detection::Deny)
}

/// UTF-16 text saved without a byte-order mark shows NUL in every other byte; return the
/// byte order when the sample looks like that.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF)];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text files hold hardly any NUL bytes and few control bytes; images, archives and
/// executables hold many. (One stray NUL in an article does not make it binary.)
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls * 100 > sample.len() || (nuls > 0 && sample.len() < 64) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > sample.len()
}

fn control_ratio(text: &str) -> f64 {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF) {
        n += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}') {
            bad += 1;
        }
    }
    if n == 0 { 0.0 } else { bad as f64 / n as f64 }
}

/// The charset an HTML page declares in its first kilobytes (`<meta charset=...>` or the
/// `http-equiv` form), if any.
pub fn html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Kremlin says “ties” recover".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "Kremlin says “ties” recover");
        assert_eq!(plain.legacy, None);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Peskov said".as_bytes());
        let d = decode(&bom, None).unwrap();
        assert_eq!(d.text, "Peskov said");
        assert_eq!(d.legacy, None);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let s = "Anadolu Ajansı: Kremlin says";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le, None).unwrap().text, s);
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be, None).unwrap().text, s);
    }

    #[test]
    fn utf16_without_bom_is_recognised_not_called_binary() {
        let s = "The Kremlin has stated that efforts to restore relations are in early stages.";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&le, None).unwrap();
        assert_eq!(d.text, s);
        assert_eq!(d.legacy, Some("UTF-16LE"));
    }

    #[test]
    fn windows_1252_is_decoded_and_reported() {
        // “Moscow’s position” – with curly quotes and an en dash, as Word saves it.
        let bytes = b"\x93Moscow\x92s position\x94 \x96 Peskov said on Monday in the capital.";
        let d = decode(bytes, None).unwrap();
        assert_eq!(
            d.text,
            "“Moscow’s position” – Peskov said on Monday in the capital."
        );
        assert_eq!(d.legacy, Some("windows-1252"));
    }

    #[test]
    fn latin1_accents_are_decoded() {
        let bytes = b"Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9union \xe9tait utile.";
        let d = decode(bytes, None).unwrap();
        assert_eq!(
            d.text,
            "Le ministre français a déclaré que la réunion était utile."
        );
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let bytes = b"<p>\xc0 \xef\xf0\xe8\xe2\xe5\xf2</p>";
        let d = decode(bytes, Some("windows-1251")).unwrap();
        assert_eq!(d.text, "<p>А привет</p>");
        assert_eq!(d.legacy, Some("windows-1251"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
        assert_eq!(decode(png, None).unwrap_err(), ReadError::Binary);
        assert_eq!(
            decode(png, None).unwrap_err().to_string(),
            "binary file, not text"
        );
        assert_eq!(decode(b"", None).unwrap_err(), ReadError::Empty);
        assert_eq!(
            decode(b" \n\r\n\t ", None).unwrap_err().to_string(),
            "empty file"
        );
    }

    #[test]
    fn mostly_utf8_stays_utf8_with_replacements() {
        let mut bytes = "US–Russia talks: “progress”, Peskov said. "
            .repeat(20)
            .into_bytes();
        bytes.insert(96, 0xff); // before a "U", between two characters
        bytes.push(0xe2); // a character cut in two at the end
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.legacy, None);
        assert_eq!(d.replaced, 2);
        assert!(
            d.text.starts_with("US–Russia talks: “progress”"),
            "{}",
            d.text
        );
        assert_eq!(d.text.matches('\u{fffd}').count(), 2);
        // A windows-1252 file is not "mostly UTF-8": it has no valid multi-byte characters.
        let cp = b"\x93Moscow\x92s position\x94 \x96 Peskov said on Monday in the capital.";
        assert_eq!(decode(cp, None).unwrap().legacy, Some("windows-1252"));
    }

    #[test]
    fn one_late_nul_byte_is_not_binary() {
        let mut bytes =
            "The Kremlin has stated that efforts to restore relations are in early stages. "
                .repeat(30)
                .into_bytes();
        bytes[1500] = 0;
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.starts_with("The Kremlin"));
    }

    #[test]
    fn finds_declared_html_charset() {
        let page = br#"<html><head><meta charset="windows-1252"><title>x</title>"#;
        assert_eq!(html_charset(page).as_deref(), Some("windows-1252"));
        let eq = br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
        assert_eq!(html_charset(eq).as_deref(), Some("iso-8859-1"));
        assert_eq!(html_charset(b"<p>no charset here</p>"), None);
    }
}
