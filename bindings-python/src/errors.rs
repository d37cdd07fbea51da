//! The exception hierarchy: `KringloopError` and one subclass per variant of
//! [`kringloop::Error`], mapped one to one by [`to_py`]. Every instance has
//! `code` (the core's stable error code) plus the variant's fields.

use kringloop::{Error, ErrorCode};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

pyo3::create_exception!(
    kringloop,
    KringloopError,
    PyException,
    "Base class of every error kringloop raises; `code` says which kind."
);
pyo3::create_exception!(
    kringloop,
    ValidationError,
    KringloopError,
    "Input broke a rule: `field` says which, `reason` why. Nothing was changed."
);
pyo3::create_exception!(
    kringloop,
    NotFoundError,
    KringloopError,
    "The thing asked for does not exist in this hub: `entity` and `id`."
);
pyo3::create_exception!(
    kringloop,
    ConflictError,
    KringloopError,
    "The request contradicts the current state (overlap, illegal status change, lost race)."
);
pyo3::create_exception!(
    kringloop,
    ForbiddenError,
    KringloopError,
    "The actor's `role` may not do this `action`."
);
pyo3::create_exception!(
    kringloop,
    StorageError,
    KringloopError,
    "The storage backend failed (I/O, connection, corrupt row)."
);

/// Adds the exception classes to the module, each subclass with its `code`
/// as a class attribute too (so `ValidationError.code == "validation"`).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KringloopError", py.get_type::<KringloopError>())?;
    for (name, class, code) in [
        (
            "ValidationError",
            py.get_type::<ValidationError>(),
            ErrorCode::Validation,
        ),
        (
            "NotFoundError",
            py.get_type::<NotFoundError>(),
            ErrorCode::NotFound,
        ),
        (
            "ConflictError",
            py.get_type::<ConflictError>(),
            ErrorCode::Conflict,
        ),
        (
            "ForbiddenError",
            py.get_type::<ForbiddenError>(),
            ErrorCode::Forbidden,
        ),
        (
            "StorageError",
            py.get_type::<StorageError>(),
            ErrorCode::Storage,
        ),
    ] {
        class.setattr("code", code.as_str())?;
        m.add(name, class)?;
    }
    Ok(())
}

/// The Python exception for a core error: one class per variant, with the
/// message of the core and its fields as attributes.
pub fn to_py(e: Error) -> PyErr {
    Python::attach(|py| {
        let message = e.to_string();
        let code = e.code().as_str();
        let (err, attrs) = match e {
            Error::Validation { field, reason } => (
                ValidationError::new_err(message),
                vec![("field", field), ("reason", reason)],
            ),
            Error::NotFound { entity, id } => (
                NotFoundError::new_err(message),
                vec![("entity", entity), ("id", id)],
            ),
            Error::Conflict(_) => (ConflictError::new_err(message), vec![]),
            Error::Forbidden { role, action } => (
                ForbiddenError::new_err(message),
                vec![("role", role), ("action", action)],
            ),
            Error::Storage(_) => (StorageError::new_err(message), vec![]),
        };
        let value = err.value(py);
        let set = value
            .setattr("code", code)
            .and_then(|()| attrs.into_iter().try_for_each(|(k, v)| value.setattr(k, v)));
        match set {
            Ok(()) => err,
            Err(other) => other,
        }
    })
}

/// `.or_raise()` turns a core result into a Python one.
pub trait OrRaise<T> {
    /// Maps the core error to its Python exception.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for kringloop::Result<T> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}
