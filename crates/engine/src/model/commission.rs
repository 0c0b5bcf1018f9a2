//! Which commission a name means, however it is written: `Komisi Informasi
//! Provinsi Jawa Barat`, `KI Jabar`, `KI Prov. Jawa Barat` and `jawa barat`
//! are one commission, `jawa-barat`; `Komisi Informasi Pusat`, `KI Pusat`
//! and `KIP` are `pusat`. The key is what the index stores beside the name
//! and what a `commission:` filter matches.

/// Province abbreviations as Indonesian writing uses them, and their names.
const PROVINCES: &[(&str, &str)] = &[
    ("jabar", "jawa barat"),
    ("jateng", "jawa tengah"),
    ("jatim", "jawa timur"),
    ("sumut", "sumatera utara"),
    ("sumbar", "sumatera barat"),
    ("sumsel", "sumatera selatan"),
    ("kalbar", "kalimantan barat"),
    ("kalteng", "kalimantan tengah"),
    ("kalsel", "kalimantan selatan"),
    ("kaltim", "kalimantan timur"),
    ("kaltara", "kalimantan utara"),
    ("sulut", "sulawesi utara"),
    ("sulteng", "sulawesi tengah"),
    ("sulsel", "sulawesi selatan"),
    ("sultra", "sulawesi tenggara"),
    ("sulbar", "sulawesi barat"),
    ("ntb", "nusa tenggara barat"),
    ("ntt", "nusa tenggara timur"),
    ("dki", "dki jakarta"),
    ("jakarta", "dki jakarta"),
    ("diy", "daerah istimewa yogyakarta"),
    ("yogyakarta", "daerah istimewa yogyakarta"),
    ("jogja", "daerah istimewa yogyakarta"),
    ("babel", "kepulauan bangka belitung"),
    ("kepri", "kepulauan riau"),
    ("malut", "maluku utara"),
    ("pabar", "papua barat"),
];

/// The key of the commission `name` names; empty when it names none.
pub fn commission_key(name: &str) -> String {
    let lower = name.to_lowercase().replace(['.', ',', '(', ')'], " ");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    // The body's own name: `komisi informasi`, `ki`, `kip` (= Pusat).
    let mut central = false;
    if words.starts_with(&["komisi", "informasi"]) {
        words.drain(..2);
    } else if words.first() == Some(&"ki") {
        words.remove(0);
    } else if words.first() == Some(&"kip") {
        words.remove(0);
        central = true;
    }
    words.retain(|w| {
        !matches!(
            *w,
            "provinsi" | "prov" | "propinsi" | "republik" | "indonesia" | "ri"
        )
    });
    let mut spelled: Vec<String> = words
        .iter()
        .map(|w| match *w {
            "kab" => "kabupaten".to_string(),
            "sumatra" => "sumatera".to_string(),
            "di" => "daerah istimewa".to_string(),
            other => other.to_string(),
        })
        .collect();
    if let [only] = spelled.as_slice() {
        if let Some((_, full)) = PROVINCES.iter().find(|(short, _)| short == only) {
            spelled = vec![full.to_string()];
        }
    }
    let key = spelled
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    if key.is_empty() && central {
        return "pusat".to_string();
    }
    key
}

#[cfg(test)]
mod tests {
    use super::commission_key;

    #[test]
    fn every_spelling_of_a_commission_has_one_key() {
        for name in [
            "Komisi Informasi Provinsi Jawa Barat",
            "KI Jabar",
            "KI Prov. Jawa Barat",
            "jawa barat",
            "KOMISI INFORMASI PROVINSI JAWA BARAT",
        ] {
            assert_eq!(commission_key(name), "jawa-barat", "{name}");
        }
        for name in [
            "Komisi Informasi Pusat",
            "KI Pusat",
            "KIP",
            "Komisi Informasi Pusat Republik Indonesia",
        ] {
            assert_eq!(commission_key(name), "pusat", "{name}");
        }
        assert_eq!(commission_key("KI DIY"), "daerah-istimewa-yogyakarta");
        assert_eq!(
            commission_key("Komisi Informasi Daerah Istimewa Yogyakarta"),
            "daerah-istimewa-yogyakarta"
        );
        assert_eq!(commission_key("KI Kab. Bogor"), "kabupaten-bogor");
        assert_eq!(
            commission_key("Komisi Informasi Provinsi Sumatra Utara"),
            "sumatera-utara"
        );
        assert_ne!(
            commission_key("KI Kota Bandung"),
            commission_key("KI Kabupaten Bandung")
        );
        assert_eq!(commission_key("Komisi Informasi"), "");
    }
}
