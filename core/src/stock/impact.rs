//! Reuse impact: kilograms of goods reused per category and the CO2e that
//! reuse avoided, from per-category factors the hub sets, each with its
//! source. The defaults and their sources are documented in `docs/impact.md`.

use super::{Category, SalesRow};
use crate::{Error, Result, code_list::CodeList};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How much CO2e reusing one kilogram of a category avoids, and who says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImpactFactor {
    /// Kind of goods.
    pub category: Category,
    /// Grams of CO2e avoided per kilogram reused (integer: no floats).
    pub grams_co2e_per_kg: u32,
    /// Where the number comes from (publication, method).
    pub source: String,
    /// Date of the source.
    pub source_date: NaiveDate,
}

/// A hub's validated impact factors: at most one per category; categories
/// without a factor get no CO2e figure (rather than an invented one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<ImpactFactor>", into = "Vec<ImpactFactor>")]
pub struct ImpactFactors(Vec<ImpactFactor>);

impl TryFrom<Vec<ImpactFactor>> for ImpactFactors {
    type Error = Error;
    fn try_from(v: Vec<ImpactFactor>) -> Result<ImpactFactors> {
        ImpactFactors::new(v)
    }
}

impl From<ImpactFactors> for Vec<ImpactFactor> {
    fn from(f: ImpactFactors) -> Vec<ImpactFactor> {
        f.0
    }
}

/// Highest factor accepted: 100 kg CO2e per kg.
const MAX_GRAMS_PER_KG: u32 = 100_000;

impl ImpactFactors {
    /// Validates: one factor per category at most, 0–100 000 g/kg, a source
    /// of 3–300 characters. Sorted by category.
    pub fn new(mut factors: Vec<ImpactFactor>) -> Result<ImpactFactors> {
        crate::order::sort_by_key(&mut factors, |f| f.category);
        for pair in factors.windows(2) {
            if pair[0].category == pair[1].category {
                return Err(Error::validation(
                    "impact_factors",
                    format!("two factors for {}", pair[0].category),
                ));
            }
        }
        for f in &mut factors {
            if f.grams_co2e_per_kg > MAX_GRAMS_PER_KG {
                return Err(Error::validation(
                    "grams_co2e_per_kg",
                    format!("{} g/kg is implausibly high", f.grams_co2e_per_kg),
                ));
            }
            let source = f.source.trim();
            if !(3..=300).contains(&source.chars().count()) || source.chars().any(char::is_control)
            {
                return Err(Error::validation(
                    "source",
                    "name the source in 3 to 300 characters on one line",
                ));
            }
            f.source = source.to_string();
        }
        Ok(ImpactFactors(factors))
    }

    /// The published defaults (see `docs/impact.md` for the sources):
    /// clothing 6.1 kg CO2e/kg (HUMANA method), furniture 1.45 kg/kg (WRAP,
    /// sofas reused directly), every other category the Dutch kringloop
    /// sector's average of about 1 kg CO2 per kg collected (TNO for BKN).
    pub fn standard() -> ImpactFactors {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
        let sector = "TNO for Branchevereniging Kringloopbedrijven Nederland (BKN): about 1 kg CO2 avoided per kg of goods collected by the Dutch kringloop sector (sector average)";
        let factors = Category::ALL
            .iter()
            .map(|c| match c {
                Category::Clothing => ImpactFactor {
                    category: *c,
                    grams_co2e_per_kg: 6_100,
                    source: "HUMANA People to People method: 75% reuse x 48.1% replacement x 16.9 kg CO2e per kg of new textiles".into(),
                    source_date: d(2021, 1, 1),
                },
                Category::Furniture => ImpactFactor {
                    category: *c,
                    grams_co2e_per_kg: 1_450,
                    source: "WRAP: 1.45 t CO2e avoided per tonne of furniture (sofas) reused directly".into(),
                    source_date: d(2011, 1, 1),
                },
                _ => ImpactFactor { category: *c, grams_co2e_per_kg: 1_000, source: sector.into(), source_date: d(2019, 1, 1) },
            })
            .collect();
        ImpactFactors(factors)
    }

    /// The factors, by category.
    pub fn factors(&self) -> &[ImpactFactor] {
        &self.0
    }

    /// The factor of a category, if the hub has one.
    pub fn of(&self, category: Category) -> Option<&ImpactFactor> {
        self.0.iter().find(|f| f.category == category)
    }
}

impl Default for ImpactFactors {
    fn default() -> Self {
        ImpactFactors::standard()
    }
}

/// Reuse in a period for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImpactRow {
    /// Kind of goods.
    pub category: Category,
    /// Grams sold (reused), net of returns.
    pub weight_grams: i64,
    /// Grams of CO2e avoided; `None` when the hub has no factor for the category.
    pub grams_co2e: Option<i64>,
    /// The factor's source.
    pub source: Option<String>,
}

/// Rolls sales rows (any bucket) up per category and applies the factors.
pub fn reuse_impact(rows: &[SalesRow], factors: &ImpactFactors) -> Vec<ImpactRow> {
    let grams = crate::order::group_by_key(
        rows.iter().map(|r| (r.category, r.weight_grams)).collect(),
        |r: &(Category, i64)| r.0,
        |a, b| a.1 += b.1,
    );
    grams
        .into_iter()
        .map(|(category, weight_grams)| {
            let f = factors.of(category);
            ImpactRow {
                category,
                weight_grams,
                // g CO2e = (g / 1000 kg) × g/kg, rounded to the gram
                grams_co2e: f.map(|f| (weight_grams * i64::from(f.grams_co2e_per_kg) + 500) / 1000),
                source: f.map(|f| f.source.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_cover_every_category_with_a_source() {
        let f = ImpactFactors::standard();
        assert_eq!(f.factors().len(), Category::ALL.len());
        assert_eq!(f.of(Category::Clothing).unwrap().grams_co2e_per_kg, 6_100);
        assert!(ImpactFactors::new(f.factors().to_vec()).is_ok());
    }

    #[test]
    fn validation() {
        let mut v = ImpactFactors::standard().factors().to_vec();
        v.push(v[0].clone());
        assert!(ImpactFactors::new(v).is_err());
        let mut v = ImpactFactors::standard().factors().to_vec();
        v[0].source = " ".into();
        assert!(ImpactFactors::new(v).is_err());
        let mut v = ImpactFactors::standard().factors().to_vec();
        v[0].grams_co2e_per_kg = 200_000;
        assert!(ImpactFactors::new(v).is_err());
    }

    #[test]
    fn impact_of_sales() {
        let row = |category, weight_grams| SalesRow {
            period_start: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            category,
            revenue: crate::Money::ZERO,
            units: 1,
            weight_grams,
        };
        let only_clothing = ImpactFactors::new(vec![
            ImpactFactors::standard()
                .of(Category::Clothing)
                .unwrap()
                .clone(),
        ])
        .unwrap();
        let got = reuse_impact(
            &[
                row(Category::Clothing, 1500),
                row(Category::Clothing, 500),
                row(Category::Books, 700),
            ],
            &only_clothing,
        );
        assert_eq!(got[0].category, Category::Books);
        assert_eq!((got[0].weight_grams, got[0].grams_co2e), (700, None));
        assert_eq!(
            (got[1].weight_grams, got[1].grams_co2e),
            (2000, Some(12_200))
        );
    }
}
