//! jeeves runs Jenkinsfiles without a Jenkins server, lints them before they reach one, and keeps Jenkins
//! inbound agents connected. See DESIGN.md (shared with the team) for how the rooms fit together.

extern crate alloc;

pub mod build;
pub mod cli;
pub mod credentials;
pub mod diagnostic;
pub mod exec;
pub mod interp;
pub mod lint;
pub mod pipeline;
pub mod report;
pub mod runner;
pub mod steps;
pub mod syntax;
