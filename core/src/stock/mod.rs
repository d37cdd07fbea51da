//! Stock and sales: donated goods taken in, an append-only stock ledger,
//! the hub's pricing policy, checkout with exact totals, refunds, the daily
//! cash-up and the reports. See `docs/stock.md`.

mod cash_up;
mod codes;
mod impact;
mod item;
mod ledger;
mod pricing;
mod reports;
mod sale;

pub use cash_up::{CashTotals, CashUp, NewCashUp, cash_up_date};
pub use codes::{Bucket, Category, Condition, DonorKind, MoveKind, PaymentMethod, TagColour};
pub use impact::{ImpactFactor, ImpactFactors, ImpactRow, reuse_impact};
pub use item::{Item, MAX_PRICE_CENTS, MAX_QUANTITY, MAX_WEIGHT_GRAMS, NewItem, check_price};
pub use ledger::{NewMove, StockMove};
pub use pricing::{
    BasePrice, MarkdownStep, PriceBasis, PriceQuery, PriceTag, PricingPolicy, PricingPolicyRaw,
    percent_of, round_cash,
};
pub use reports::{
    ItemState, ItemView, SalesRow, StockGroup, StockOnHand, bucket_start, stock_on_hand,
};
pub use sale::{
    Basket, BasketLine, CLOCK_TOLERANCE_MINUTES, MAX_BASKET_LINES, PricedLine, RefundRequest, Sale,
    SaleHeader, SaleLine, check_lines, refund_header, refund_lines, sale_time,
};
