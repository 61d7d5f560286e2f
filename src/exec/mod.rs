//! Where a step's process runs. Today: the local host (`local`); Docker and Kubernetes come later behind
//! the same shape of call.
//!
//! Not for: Groovy values or build logs; callers pass plain strings and receive bytes.

pub mod local;
