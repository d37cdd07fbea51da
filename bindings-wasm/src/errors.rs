//! Core errors as JavaScript `Error` objects.
//!
//! Every [`kringloop::Error`] becomes a real `Error` (so `e instanceof Error`
//! holds) named `KringloopError`, with the core's message and these extra
//! properties:
//!
//! | property | when | value |
//! | --- | --- | --- |
//! | `code` | always | `"validation"`, `"not_found"`, `"conflict"`, `"forbidden"` or `"storage"` |
//! | `field` | `validation` | the field or argument at fault, camelCased like the input properties: `"displayName"`, `"end"`, `"period"` |
//! | `entity`, `id` | `not_found` | the kind of thing and the id asked for |

use js_sys::{Error as JsError, Reflect};
use kringloop::Error;
use wasm_bindgen::JsValue;

/// The `name` every kringloop error carries in JavaScript.
pub const ERROR_NAME: &str = "KringloopError";

/// Converts a core error into a JavaScript `Error` with `code` (and `field`,
/// `entity`, `id` where they apply).
pub fn to_js(error: Error) -> JsValue {
    let js = JsError::new(&error.to_string());
    js.set_name(ERROR_NAME);
    set(&js, "code", error.code().as_str());
    match &error {
        Error::Validation { field, .. } => set(&js, "field", &camel_case(field)),
        Error::NotFound { entity, id } => {
            set(&js, "entity", entity);
            set(&js, "id", id);
        }
        Error::Conflict(_) | Error::Forbidden { .. } | Error::Storage(_) => {}
    }
    js.into()
}

fn set(target: &JsError, key: &str, value: &str) {
    // Setting a data property on a fresh, extensible Error object cannot
    // fail; should it ever, the error still carries its message.
    let _ = Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
}

/// `display_name` → `displayName`: core field names in the spelling of the
/// JavaScript input properties.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            // Field names are ASCII snake_case; `char::to_uppercase` would
            // link the whole Unicode case table (about 10 KB) for nothing.
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
