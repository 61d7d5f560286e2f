//! Declarative pipelines: the model read from the syntax tree (`model`), its `when` conditions (`when`),
//! the runner that executes it with Jenkins' semantics (`run`), and the stage listing and dry run
//! (`plan`).
//!
//! Not for: Groovy evaluation (`interp/`) or what steps do (`steps/`).

pub mod model;
pub mod plan;
pub mod run;
pub mod when;

pub use model::{build, find_pipeline, ModelError, Pipeline};
