//! Reports a build leaves besides its log and record: JUnit XML of the tests the `junit` step recorded
//! (`tests.xml`) and of the pipeline's own stages (`stages.xml`), and the fingerprints of the files it
//! produced and used.
//!
//! Not for: deciding results (`build/`, `pipeline/`).

pub mod fingerprint;
pub mod junit;
