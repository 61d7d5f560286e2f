//! `jeeves run --list` (the stage tree with agents, `when` conditions and matrix cells) and `--dry-run`
//! (which stages would run or be skipped, and why, where the facts decide it before anything runs).

use indexmap::IndexMap;

use super::model::{literal, Agent, Matrix, Pipeline, Stage, StageBody, When};
use super::when::{check_static, describe_cond};
use crate::build::scm::Facts;

pub struct Plan<'a> {
    pub p: &'a Pipeline,
    pub source: &'a str,
    pub facts: &'a Facts,
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub params: &'a IndexMap<String, String>,
    pub selected: &'a [String],
}

fn agent_text(a: Option<&Agent>) -> String {
    a.map(|a| format!(" (agent {})", a.describe())).unwrap_or_default()
}

fn when_text(w: Option<&When>, source: &str) -> String {
    match w {
        None => String::new(),
        Some(w) => {
            let parts: Vec<String> = w.conditions.iter().map(|c| describe_cond(c, source)).collect();
            format!(" [when: {}]", parts.join(" && "))
        }
    }
}

impl Plan<'_> {
    /// The stage tree.
    pub fn list(&self) -> String {
        let mut out = format!("pipeline{}\n", agent_text(self.p.agent.as_ref()));
        for s in &self.p.stages {
            self.list_stage(s, 1, &mut out);
        }
        if !self.p.post.is_empty() {
            let conds: Vec<&str> = self.p.post.iter().map(|b| b.condition.as_str()).collect();
            out.push_str(&format!("  post: {}\n", conds.join(", ")));
        }
        out
    }

    fn list_stage(&self, s: &Stage, depth: usize, out: &mut String) {
        let pad = "  ".repeat(depth);
        let kind = match &s.body {
            StageBody::Steps(_) => "",
            StageBody::Stages(_) => " (stages)",
            StageBody::Parallel(_) => " (parallel)",
            StageBody::Matrix(_) => " (matrix)",
        };
        out.push_str(&format!(
            "{pad}{}{kind}{}{}\n",
            s.name,
            agent_text(s.agent.as_ref()),
            when_text(s.when.as_ref(), self.source)
        ));
        match &s.body {
            StageBody::Steps(_) => {}
            StageBody::Stages(v) | StageBody::Parallel(v) => v.iter().for_each(|c| self.list_stage(c, depth + 1, out)),
            StageBody::Matrix(m) => self.list_matrix(m, depth + 1, out),
        }
    }

    fn list_matrix(&self, m: &Matrix, depth: usize, out: &mut String) {
        let pad = "  ".repeat(depth);
        for cell in m.cells() {
            out.push_str(&format!(
                "{pad}{}{}{}\n",
                Matrix::cell_name(&cell),
                agent_text(m.agent.as_ref()),
                when_text(m.when.as_ref(), self.source)
            ));
            for s in &m.stages {
                self.list_stage(s, depth + 1, out);
            }
        }
    }

    /// What would run, with the reason for each skip.
    pub fn dry_run(&self) -> String {
        let mut out = String::new();
        for s in &self.p.stages {
            self.dry_stage(s, 0, &[], None, &mut out);
        }
        out
    }

    fn decide(&self, w: Option<&When>, env: &[(String, String)]) -> Result<bool, String> {
        let Some(w) = w else { return Ok(true) };
        let lookup = |name: &str| -> Option<String> {
            env.iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .or_else(|| (self.env)(name))
                .or_else(|| self.params.get(name).cloned())
        };
        for c in &w.conditions {
            match check_static(c, self.facts, &lookup) {
                Some(true) => {}
                Some(false) => return Ok(false),
                None => return Err(describe_cond(c, self.source)),
            }
        }
        Ok(true)
    }

    fn dry_stage(
        &self,
        s: &Stage,
        depth: usize,
        parents: &[String],
        env: Option<&[(String, String)]>,
        out: &mut String,
    ) {
        let pad = "  ".repeat(depth);
        let mut vars: Vec<(String, String)> = env.map(<[_]>::to_vec).unwrap_or_default();
        for e in self.p.environment.iter().chain(s.environment.iter()) {
            if let Some(v) = literal(&e.value) {
                vars.push((e.name.clone(), v));
            }
        }
        let selected = self.selected.is_empty()
            || parents.iter().any(|p| self.selected.contains(p))
            || self.selected.contains(&s.name)
            || contains_selected(s, self.selected);
        if !selected {
            out.push_str(&format!("{pad}skip  {}: not selected by --stage\n", s.name));
            return;
        }
        match self.decide(s.when.as_ref(), &vars) {
            Ok(false) => {
                out.push_str(&format!(
                    "{pad}skip  {}: when conditional is false{}\n",
                    s.name,
                    when_text(s.when.as_ref(), self.source)
                ));
                return;
            }
            Err(why) => out.push_str(&format!("{pad}run?  {}: decided at run time by {why}\n", s.name)),
            Ok(true) => out.push_str(&format!("{pad}run   {}\n", s.name)),
        }
        let mut path = parents.to_vec();
        path.push(s.name.clone());
        match &s.body {
            StageBody::Steps(_) => {}
            StageBody::Stages(v) | StageBody::Parallel(v) => {
                v.iter().for_each(|c| self.dry_stage(c, depth + 1, &path, Some(&vars), out))
            }
            StageBody::Matrix(m) => {
                for cell in super::run::matrix_cells(m) {
                    self.dry_stage(&cell, depth + 1, &path, Some(&vars), out);
                }
            }
        }
    }
}

fn contains_selected(s: &Stage, sel: &[String]) -> bool {
    match &s.body {
        StageBody::Steps(_) => false,
        StageBody::Stages(v) | StageBody::Parallel(v) => {
            v.iter().any(|c| sel.contains(&c.name) || contains_selected(c, sel))
        }
        StageBody::Matrix(m) => m.stages.iter().any(|c| sel.contains(&c.name) || contains_selected(c, sel)),
    }
}
