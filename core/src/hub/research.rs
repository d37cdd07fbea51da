//! Research tables: tidy rows with pseudonymous keys, read batch by batch.

use super::Hub;
use crate::research::{
    BatchBuilder, Column, HubSecret, Pseudonymiser, RESEARCH_BATCH_MAX, ResearchBatch,
    ResearchCursor, ResearchTable,
};
use crate::{Action, Actor, Error, Period, Result, Store, authorize};

/// Reads one research table batch by batch (see
/// [`Hub::research_table`]). Memory stays flat in the number of rows: each
/// batch is one store call for at most `max_rows` rows, paged after the
/// last row of the one before. Batches are not one snapshot: rows written
/// meanwhile may or may not appear, but no row appears twice.
pub struct ResearchReader<S: Store + ?Sized = dyn Store> {
    hub: Hub<S>,
    table: ResearchTable,
    period: Option<Period>,
    keys: Pseudonymiser,
    after: Option<ResearchCursor>,
    done: bool,
}

impl<S: Store + ?Sized> std::fmt::Debug for ResearchReader<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResearchReader")
            .field("table", &self.table)
            .field("period", &self.period)
            .field("done", &self.done)
            .finish()
    }
}

impl<S: Store + ?Sized> ResearchReader<S> {
    /// The table being read.
    pub fn table(&self) -> ResearchTable {
        self.table
    }

    /// The table's columns.
    pub fn columns(&self) -> Vec<Column> {
        self.table.columns()
    }

    /// The next batch of at most `max_rows` rows (1 to
    /// [`RESEARCH_BATCH_MAX`]), or `None` when the table is exhausted.
    pub async fn next_batch(&mut self, max_rows: usize) -> Result<Option<ResearchBatch>> {
        if !(1..=RESEARCH_BATCH_MAX).contains(&max_rows) {
            return Err(Error::validation(
                "max_rows",
                format!("must be between 1 and {RESEARCH_BATCH_MAX}"),
            ));
        }
        if self.done {
            return Ok(None);
        }
        let mut out = BatchBuilder::new(self.table, &self.keys, max_rows);
        self.hub
            .store
            .research_rows(
                self.hub.id,
                self.table,
                self.period,
                self.after.as_ref(),
                max_rows,
                &mut out,
            )
            .await?;
        let (batch, last) = out.finish()?;
        if batch.rows > max_rows {
            return Err(Error::storage(format!(
                "the store gave {} {} rows for a batch of {max_rows}",
                batch.rows, self.table
            )));
        }
        if batch.rows < max_rows || last.is_none() {
            self.done = true;
        }
        if batch.rows == 0 {
            return Ok(None);
        }
        self.after = last;
        Ok(Some(batch))
    }
}

impl<S: Store + ?Sized> Hub<S> {
    /// A reader of the research table `table`, optionally only the rows
    /// whose date lies in `period` (each table's date column is in
    /// `docs/research.md`). Rows hold coded facts, dates and numbers, and
    /// every identifier as a pseudonymous key under the hub's secret
    /// (made on first use, kept by the store, never exported): stable
    /// within the hub, different in every other. Researchers and admins
    /// only.
    pub async fn research_table(
        &self,
        actor: &Actor,
        table: ResearchTable,
        period: Option<Period>,
    ) -> Result<ResearchReader<S>> {
        authorize(actor, Action::ReadResearchTables)?;
        let secret = self
            .store
            .research_secret(self.id, &HubSecret::generate())
            .await?;
        Ok(ResearchReader {
            hub: self.clone(),
            table,
            period,
            keys: Pseudonymiser::new(&secret),
            after: None,
            done: false,
        })
    }
}
