//! `Actor`: who calls, in which role, and for volunteers their own record.

use crate::convert::{code, volunteer_id};
use crate::errors::OrRaise;
use pyo3::prelude::*;

/// Someone acting on the hub. Every `Hub` method takes one first.
#[pyclass(frozen, eq, skip_from_py_object, module = "kringloop")]
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub inner: kringloop::Actor,
}

#[pymethods]
impl Actor {
    #[new]
    #[pyo3(signature = (name, role, *, volunteer_id = None))]
    fn new(name: String, role: String, volunteer_id: Option<String>) -> PyResult<Self> {
        let mut inner = kringloop::Actor::new(name, code(&role)?).or_raise()?;
        if let Some(id) = volunteer_id {
            inner = inner.with_volunteer(self::volunteer_id(&id)?);
        }
        Ok(Actor { inner })
    }

    /// The actor's name, as the journal records it.
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_string()
    }

    /// The role code: `volunteer`, `coordinator`, `researcher` or `admin`.
    #[getter]
    fn role(&self) -> &'static str {
        self.inner.role().code()
    }

    /// The actor's own volunteer record (for volunteers), or `None`.
    #[getter]
    fn volunteer_id(&self) -> Option<String> {
        self.inner.volunteer().map(|id| id.to_string())
    }

    fn __repr__(&self) -> String {
        let name = self
            .inner
            .name()
            .as_str()
            .replace('\\', "\\\\")
            .replace('\'', "\\'");
        match self.inner.volunteer() {
            Some(id) => format!(
                "Actor('{name}', '{}', volunteer_id='{id}')",
                self.inner.role()
            ),
            None => format!("Actor('{name}', '{}')", self.inner.role()),
        }
    }
}
