//! Code lists with their Dutch and English labels, for pick lists in forms.

use crate::convert::{self, output};
use crate::errors::to_js;
use wasm_bindgen::prelude::*;

/// The entries of a vocabulary (`"volunteer_role"`, `"volunteer_status"`,
/// `"shift_status"`, `"weekday"`, `"role"`, `"action"`, `"vog_state"`,
/// `"category"`, `"condition"`, `"donor_kind"`, `"move_kind"`,
/// `"payment_method"`, `"tag_colour"`, `"bucket"`) as `[{ code, nl, en }]`. An unknown name throws a `validation` error.
#[wasm_bindgen(unchecked_return_type = "CodeLabel[]")]
pub fn labels(
    #[wasm_bindgen(unchecked_param_type = "Vocabulary")] vocabulary: JsValue,
) -> Result<JsValue, JsValue> {
    let name: String = convert::input(vocabulary, "vocabulary").map_err(to_js)?;
    let list = kringloop::vocabulary(&name).map_err(to_js)?;
    output(&list).map_err(to_js)
}

/// The names of all vocabularies `labels` knows.
#[wasm_bindgen(js_name = vocabularies, unchecked_return_type = "Vocabulary[]")]
pub fn vocabulary_names() -> Vec<String> {
    kringloop::vocabularies()
        .into_iter()
        .map(String::from)
        .collect()
}
