//! One process-wide tokio runtime. Every call into the async core runs in
//! [`block_on`], which releases the GIL so other Python threads keep going
//! while the core waits on the database.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::future::Future;
use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

fn runtime() -> PyResult<&'static Runtime> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .thread_name("kringloop")
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(format!("kringloop could not start its runtime: {e}")))
}

/// Runs `fut` to completion on the shared runtime with the GIL released.
pub fn block_on<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let rt = runtime()?;
    Ok(py.detach(|| rt.block_on(fut)))
}

/// Runs `fut` to completion on the shared runtime from a thread that may
/// not hold the GIL (an Arrow consumer pulling the next batch).
pub fn block_on_free<F: Future>(fut: F) -> Result<F::Output, String> {
    let rt = runtime().map_err(|e| e.to_string())?;
    Ok(rt.block_on(fut))
}
