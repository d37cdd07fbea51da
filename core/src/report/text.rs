//! The report's words in Dutch and English, and how it writes numbers and
//! dates in each. Codes (roles, domains, statuses) get their labels from
//! their code lists; only the report's own words live here.

use crate::Lang;
use chrono::{Datelike, NaiveDate};

/// The report's own words in one language.
pub(super) struct Texts {
    pub title: &'static str,
    pub intro: &'static str,
    pub to: &'static str,
    pub count: &'static str,
    pub volunteers: &'static str,
    pub active: &'static str,
    pub started: &'static str,
    pub left: &'static str,
    pub hours: &'static str,
    pub role: &'static str,
    pub hours_col: &'static str,
    pub shifts: &'static str,
    pub total: &'static str,
    pub ladder: &'static str,
    pub measured: &'static str,
    pub compared: &'static str,
    pub up: &'static str,
    pub same: &'static str,
    pub down: &'static str,
    pub courses: &'static str,
    pub running: &'static str,
    pub participants: &'static str,
    pub completions: &'static str,
    pub activities: &'static str,
    pub held: &'static str,
    pub cancelled: &'static str,
    pub attendance: &'static str,
    pub first_timers: &'static str,
    pub table: &'static str,
    pub days: &'static str,
    pub visitors: &'static str,
    pub conversations: &'static str,
    pub signals: &'static str,
    pub signals_total: &'static str,
    pub domain: &'static str,
    pub referrals_status: &'static str,
    pub referrals_outcome: &'static str,
    pub referrals_total: &'static str,
    pub status: &'static str,
    pub outcome: &'static str,
    pub sales: &'static str,
    pub sales_count: &'static str,
    pub refunds: &'static str,
    pub revenue: &'static str,
    pub items_sold: &'static str,
    pub reuse: &'static str,
    pub kg_reused: &'static str,
    pub co2e: &'static str,
    pub hidden_note: &'static str,
    pub method_note: &'static str,
}

const NL: Texts = Texts {
    title: "Wijkrapportage",
    intro: "Wat de hub deed voor de wijk",
    to: "t/m",
    count: "aantal",
    volunteers: "Vrijwilligers",
    active: "actieve vrijwilligers (ten minste één gewerkte dienst)",
    started: "begonnen",
    left: "gestopt",
    hours: "Gewerkte uren",
    role: "rol",
    hours_col: "uren",
    shifts: "diensten",
    total: "totaal",
    ladder: "Participatieladder",
    measured: "vrijwilligers gemeten in de periode",
    compared: "met een eerdere meting om mee te vergelijken",
    up: "hogere trede dan ervoor",
    same: "zelfde trede",
    down: "lagere trede",
    courses: "Cursussen",
    running: "lopende cursussen",
    participants: "deelnemers (bezette plaatsen)",
    completions: "afgerond (cursussen die in de periode eindigden)",
    activities: "Activiteiten",
    held: "bijeenkomsten gehouden",
    cancelled: "bijeenkomsten afgelast",
    attendance: "aanwezigen (opgeteld over de bijeenkomsten)",
    first_timers: "voor het eerst",
    table: "Stamtafel",
    days: "dagen geturfd",
    visitors: "bezoekers",
    conversations: "gesprekken",
    signals: "Signalen per domein",
    signals_total: "signalen",
    domain: "domein",
    referrals_status: "Doorverwijzingen per status",
    referrals_outcome: "Doorverwijzingen per uitkomst",
    referrals_total: "doorverwijzingen",
    status: "status",
    outcome: "uitkomst",
    sales: "Verkoop",
    sales_count: "verkopen",
    refunds: "retouren",
    revenue: "omzet",
    items_sold: "verkochte artikelen",
    reuse: "Hergebruik",
    kg_reused: "kg hergebruikt",
    co2e: "kg CO2e vermeden",
    hidden_note: "een aantal van 1 tot de drempel is verborgen, omdat kleine aantallen naar personen kunnen wijzen; soms is ook een tweede getal in dezelfde rij verborgen, zodat het eerste niet uit het totaal volgt.",
    method_note: "Een signaal telt mee in elk van zijn domeinen. Omzet en artikelen zijn na aftrek van retouren. De ladder vergelijkt de laatste meting in de periode met de laatste ervoor; dat is een beschrijving, geen bewijs van effect.",
};

const EN: Texts = Texts {
    title: "Hub report",
    intro: "What the hub did for its district",
    to: "to",
    count: "number",
    volunteers: "Volunteers",
    active: "active volunteers (at least one worked shift)",
    started: "started",
    left: "left",
    hours: "Hours worked",
    role: "role",
    hours_col: "hours",
    shifts: "shifts",
    total: "total",
    ladder: "Participation ladder",
    measured: "volunteers assessed in the period",
    compared: "with an earlier assessment to compare with",
    up: "a higher step than before",
    same: "the same step",
    down: "a lower step",
    courses: "Courses",
    running: "courses running",
    participants: "participants (places taken)",
    completions: "completions (courses that ended in the period)",
    activities: "Activities",
    held: "sessions held",
    cancelled: "sessions cancelled",
    attendance: "attendance (summed over sessions)",
    first_timers: "first-timers",
    table: "The big table",
    days: "days tallied",
    visitors: "visitors",
    conversations: "conversations",
    signals: "Signals by domain",
    signals_total: "signals",
    domain: "domain",
    referrals_status: "Referrals by status",
    referrals_outcome: "Referrals by outcome",
    referrals_total: "referrals",
    status: "status",
    outcome: "outcome",
    sales: "Sales",
    sales_count: "sales",
    refunds: "refunds",
    revenue: "revenue",
    items_sold: "items sold",
    reuse: "Reuse",
    kg_reused: "kg reused",
    co2e: "kg CO2e avoided",
    hidden_note: "a count from 1 up to the threshold is hidden, as small counts can point to people; sometimes a second number in the same row is hidden too, so the first cannot be worked out from the total.",
    method_note: "A signal counts once in each of its domains. Revenue and items are net of refunds. The ladder compares the latest assessment in the period with the latest before it: a description, not proof of an effect.",
};

/// The words of `lang`.
pub(super) fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// An integer with thousands separators (`1.234` in Dutch, `1,234` in English).
pub(super) fn int(n: i64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `n / per` with one decimal, rounded half away from zero (`12,5` in Dutch).
pub(super) fn tenths(n: i64, per: i64, lang: Lang) -> String {
    let t = if per <= 0 {
        0
    } else {
        let t10 = n.saturating_mul(10);
        (t10 + t10.signum() * per / 2) / per
    };
    let point = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}{point}{}", int(t.abs() / 10, lang), t.abs() % 10)
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u32, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    names
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// A date for people: `2 maart 2026`, `2 March 2026`.
pub(super) fn date(d: NaiveDate, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

/// A `YYYY-MM` month for people: `maart 2026`, `March 2026` (as given when
/// it does not parse).
pub(super) fn month(ym: &str, lang: Lang) -> String {
    let parsed = ym
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)));
    match parsed {
        Some((y, m)) if (1..=12).contains(&m) => format!("{} {y}", month_name(m, lang)),
        _ => ym.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_per_language() {
        assert_eq!(int(1_234_567, Lang::Nl), "1.234.567");
        assert_eq!(int(-1_234, Lang::En), "-1,234");
        assert_eq!(tenths(750, 60, Lang::Nl), "12,5");
        assert_eq!(tenths(2_500, 1000, Lang::En), "2.5");
        assert_eq!(tenths(-1_250, 1000, Lang::En), "-1.3");
        assert_eq!(tenths(0, 60, Lang::Nl), "0,0");
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(date(d, Lang::Nl), "2 maart 2026");
        assert_eq!(date(d, Lang::En), "2 March 2026");
        assert_eq!(month("2026-05", Lang::Nl), "mei 2026");
        assert_eq!(month("bad", Lang::En), "bad");
    }
}
