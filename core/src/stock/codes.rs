//! The vocabularies of the shop.

use crate::code_list;

code_list! {
    /// What kind of goods.
    pub enum Category: "category" {
        /// Books.
        Books = ("books", "boeken", "books"),
        /// Clothing and textiles.
        Clothing = ("clothing", "kleding", "clothing"),
        /// Crockery, glass and cutlery.
        Crockery = ("crockery", "servies", "crockery"),
        /// Toys and games.
        Toys = ("toys", "speelgoed", "toys"),
        /// Furniture.
        Furniture = ("furniture", "meubels", "furniture"),
        /// Electrical and electronic goods.
        Electronics = ("electronics", "elektronica", "electronics"),
        /// Household goods.
        Household = ("household", "huishoudelijk", "household"),
        /// Anything else.
        Other = ("other", "overig", "other"),
    }
}

code_list! {
    /// The state an item is in.
    pub enum Condition: "condition" {
        /// As new.
        A = ("a", "A: als nieuw", "A: as new"),
        /// Good, with signs of use.
        B = ("b", "B: goed", "B: good"),
        /// Fair: usable, clearly used.
        C = ("c", "C: redelijk", "C: fair"),
    }
}

code_list! {
    /// Who donated the goods.
    pub enum DonorKind: "donor_kind" {
        /// A household bringing things in.
        Household = ("household", "huishouden", "household"),
        /// A house clearance.
        Clearance = ("clearance", "ontruiming", "house clearance"),
        /// A company.
        Company = ("company", "bedrijf", "company"),
        /// Unknown or anonymous.
        Anonymous = ("anonymous", "anoniem", "anonymous"),
    }
}

code_list! {
    /// What a stock move records.
    pub enum MoveKind: "move_kind" {
        /// Goods taken in (+).
        Intake = ("intake", "inname", "intake"),
        /// Sold at the till (−).
        Sale = ("sale", "verkoop", "sale"),
        /// Brought back by a customer (+).
        Return = ("return", "retour", "return"),
        /// A manual new price (quantity 0).
        Markdown = ("markdown", "afprijzing", "markdown"),
        /// Thrown away (−).
        Discard = ("discard", "afgevoerd", "discard"),
        /// Sent to recycling (−).
        Recycle = ("recycle", "recycling", "recycle"),
        /// Sent to another shop (−).
        Transfer = ("transfer", "overgeboekt", "transfer"),
        /// A correction of the count (±, with a reason).
        Correction = ("correction", "correctie", "correction"),
    }
}

code_list! {
    /// How a customer pays.
    pub enum PaymentMethod: "payment_method" {
        /// Cash: the total is rounded to 5 cents.
        Cash = ("cash", "contant", "cash"),
        /// Card (pin): exact to the cent.
        Card = ("card", "pin", "card"),
    }
}

code_list! {
    /// The colour of an item's price tag, which tells its markdown step.
    pub enum TagColour: "tag_colour" {
        /// White.
        White = ("white", "wit", "white"),
        /// Yellow.
        Yellow = ("yellow", "geel", "yellow"),
        /// Orange.
        Orange = ("orange", "oranje", "orange"),
        /// Red.
        Red = ("red", "rood", "red"),
        /// Green.
        Green = ("green", "groen", "green"),
        /// Blue.
        Blue = ("blue", "blauw", "blue"),
        /// Purple.
        Purple = ("purple", "paars", "purple"),
    }
}

code_list! {
    /// How sales reports group dates.
    pub enum Bucket: "bucket" {
        /// Per day.
        Day = ("day", "dag", "day"),
        /// Per ISO week (Monday to Sunday).
        Week = ("week", "week", "week"),
        /// Per calendar month.
        Month = ("month", "maand", "month"),
    }
}
