//! A query error said in the page's language: English is the error's own
//! message; Indonesian is written here, variant by variant, so that a
//! mistake typed on the Indonesian pages is explained in Indonesian.

use crate::i18n::Lang;
use risalah_engine::model::{DateError, UnknownName};
use risalah_engine::search::query::{MAX_CLAUSES, MAX_QUERY_CHARS};
use risalah_engine::search::QueryError;

/// `error` as a sentence in `lang`.
pub fn query_message(lang: Lang, error: &QueryError) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Id => indonesian(error),
    }
}

fn indonesian(error: &QueryError) -> String {
    use QueryError::*;
    match error {
        TooLong => format!("kueri lebih panjang dari {MAX_QUERY_CHARS} karakter"),
        PersonalData(kind) => format!(
            "data pribadi ({kind}) tidak dapat dicari: risalah menyamarkannya sebelum mengindeks"
        ),
        TooManyClauses => format!("kueri memuat lebih dari {MAX_CLAUSES} kata dan saringan"),
        OrAlone => "OR memerlukan kata atau frasa di kedua sisinya".into(),
        OrFilter => "OR tidak dapat menggabungkan saringan; tulis nilainya bersama, seperti role:majelis,pemohon".into(),
        OrNegated => "OR tidak dapat menggabungkan kata yang dikecualikan".into(),
        NegatedFilter(filter) => format!("saringan tidak dapat dikecualikan: -{filter}"),
        EmptyFilter(name) => format!("`{name}:` memerlukan nilai"),
        UnclosedQuote => "tanda kutip belum ditutup; tutup frasa dengan \"".into(),
        UnknownName(name) => unknown_name(name),
        UnknownKind(value) => format!(
            "`kind:{value}` bukan jenis bagian; tulis `kind:procedural` (pembukaan, penutupan, penundaan, pemanggilan pihak, keterangan adegan) atau `kind:speech`, atau kecualikan dengan `-kind:procedural`"
        ),
        UnknownCommission(value) => format!(
            "`commission:{value}` tidak menyebut komisi mana pun; tulis wilayahnya, seperti `commission:jabar` atau `commission:\"KI Jawa Barat\"`"
        ),
        UnknownLaw(value) => format!(
            "`law:{value}` tidak menyebut undang-undang atau peraturan; tulis id atau kutipannya, seperti `law:uu-14-2008/17` atau `law:\"UU KIP\"`"
        ),
        UnknownFilter(name) => format!("saringan `{name}:` tidak dikenal"),
        Date(e) => date(e),
        EmptyDateRange(from, to) => {
            format!("rentang tanggal kosong: {from} jatuh sesudah {to}")
        }
        SpeakerWithoutWords(name) => {
            format!("penutur `{name}` tidak memuat kata untuk dicocokkan")
        }
    }
}

fn unknown_name(name: &UnknownName) -> String {
    let what = match name.what {
        "role" => "peran",
        "mode" => "cara penyampaian",
        "document type" => "jenis dokumen",
        "provenance" => "asal teks",
        "section" => "bagian putusan",
        "outcome" => "amar putusan",
        other => other,
    };
    format!(
        "{what} `{}` tidak dikenal (pilih salah satu: {})",
        name.given, name.expected
    )
}

fn date(error: &DateError) -> String {
    match error {
        DateError::Malformed(text) => {
            format!("`{text}` bukan tanggal: tulis YYYY, YYYY-MM atau YYYY-MM-DD")
        }
        DateError::OutOfRange(text) => {
            format!("`{text}` di luar tahun yang mungkin bagi sebuah dokumen (1900 sampai 2200)")
        }
        DateError::NotADay(text) => {
            format!("`{text}` bukan tanggal lengkap: tulis YYYY-MM-DD")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use risalah_engine::search::query::parse;

    #[test]
    fn typed_mistakes_read_in_the_pages_language() {
        for (typed, indonesian) in [
            ("\"uji konsekuensi", "tanda kutip belum ditutup"),
            ("role:hakim", "peran `hakim` tidak dikenal"),
            ("type:surat", "jenis dokumen `surat` tidak dikenal"),
            ("date:2024-13", "bukan tanggal"),
            ("role:", "memerlukan nilai"),
            ("kontrak OR", "OR memerlukan kata"),
            ("-role:majelis", "tidak dapat dikecualikan"),
            ("kind:lain", "bukan jenis bagian"),
            ("law:xyz", "tidak menyebut undang-undang"),
        ] {
            let error = parse(typed).expect_err(typed);
            let id = query_message(Lang::Id, &error);
            assert!(id.contains(indonesian), "{typed}: {id}");
            assert_eq!(query_message(Lang::En, &error), error.to_string());
            assert_ne!(id, error.to_string(), "{typed}");
        }
    }
}
