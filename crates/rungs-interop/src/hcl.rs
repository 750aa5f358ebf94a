//! Terraform files: read with `hcl-edit` (a real HCL parser that keeps positions) into a
//! small tree of blocks, attributes and values with their lines, and written back safely
//! for the exporters.
//!
//! The importers see [`Config`]: every `resource` and `data` block of the files given.
//! A variable declared with a literal `default` is read as that default (with a note);
//! what else Terraform evaluates and Rungs cannot (other variables, function calls,
//! `for_each`, `count`, `dynamic` blocks, modules) is kept as [`Value::Expr`] (its source
//! text) or noted here, so an importer can say "approximated" or "left out" with the line.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::{BlockLabel, Body, Structure};
use hcl_edit::Span;

use crate::notes::{ImportError, Notes, SourceRef};
use crate::SourceFile;

mod args;
mod write;
pub use args::{Arg, MAX_WHOLE};
pub use write::{comment, name, quote};

/// A provider's importer over the whole configuration.
pub type Importer = fn(&mut crate::build::Builder, &Config) -> Result<(), ImportError>;

/// An HCL value, as far as it can be known without running Terraform.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string without interpolation.
    String(String),
    /// `[...]`.
    Array(Vec<Value>),
    /// `{...}`: keys in source order.
    Object(Vec<(String, Value)>),
    /// A reference such as `pagerduty_user.ana.id` or `data.opsgenie_team.sre.id`: its
    /// names in order (indexes by a literal number or string become names too).
    Ref(Vec<String>),
    /// Anything Terraform must evaluate (variables, locals, function calls, templates,
    /// conditionals, `for` expressions): its source text.
    Expr(String),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The resource a reference names: (is a data source, type, name), as in
    /// `data.pagerduty_user.ana.id` → `(true, "pagerduty_user", "ana")`.
    pub fn resource_ref(&self) -> Option<(bool, &str, &str)> {
        let Value::Ref(names) = self else { return None };
        match names.as_slice() {
            [data, kind, name, ..] if data == "data" => Some((true, kind, name)),
            [kind, name, ..] if kind != "var" && kind != "local" && kind != "module" => {
                Some((false, kind, name))
            }
            _ => None,
        }
    }

    /// How this value reads in a note: the text of an expression, a reference's names.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => format!("\"{}\"", rungs_core::text::truncate_for_display(s, 60)),
            Value::Array(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
            Value::Ref(names) => names.join("."),
            Value::Expr(text) => rungs_core::text::truncate_for_display(text, 60),
        }
    }
}

/// `key = value` with its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Attr {
    /// The key.
    pub key: String,
    /// The value.
    pub value: Value,
    /// 1-based line.
    pub line: u32,
}

/// A block (`rule { ... }`, `resource "t" "n" { ... }`).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Its type (`rule`, `layer`, `resource`).
    pub kind: String,
    /// Its labels.
    pub labels: Vec<String>,
    /// Its attributes in source order.
    pub attrs: Vec<Attr>,
    /// Its nested blocks in source order.
    pub blocks: Vec<Block>,
    /// 1-based line where it starts.
    pub line: u32,
}

impl Block {
    /// The attribute `key`.
    pub fn attr(&self, key: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.key == key)
    }

    /// The value of `key` (absent: `None`; `null` is `Some(Value::Null)`).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.attr(key).map(|a| &a.value)
    }

    /// The string `key`, when it is a literal string.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Value::as_str)
    }

    /// The nested blocks of type `kind`.
    pub fn blocks<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }
}

/// A `resource` or `data` block of a file.
#[derive(Debug, Clone)]
pub struct Resource {
    /// The file's name.
    pub file: String,
    /// `data` block (else `resource`).
    pub data: bool,
    /// Its type (`pagerduty_escalation_policy`).
    pub kind: String,
    /// Its name (the second label).
    pub name: String,
    /// Its body (the block itself: `attrs` and `blocks`; `line` is the block's line).
    pub body: Block,
    used: Cell<bool>,
}

impl Resource {
    /// Where this resource starts, for a note.
    pub fn src(&self) -> SourceRef {
        SourceRef::line(&self.file, self.body.line)
    }

    /// Where a line of this resource is, for a note.
    pub fn src_line(&self, line: u32) -> SourceRef {
        SourceRef::line(&self.file, line)
    }

    /// Where attribute `key` is (the block's start when it is absent).
    pub fn src_attr(&self, key: &str) -> SourceRef {
        SourceRef::line(&self.file, self.body.line_of(key))
    }

    /// `data.type.name` or `type.name`, as Terraform names it.
    pub fn address(&self) -> String {
        address(self.data, &self.kind, &self.name)
    }

    /// An error at this resource's attribute `key`.
    pub fn error(&self, key: &str, message: impl Into<String>) -> ImportError {
        ImportError::at_source(
            &self.src_attr(key),
            format!("{}: {}", self.address(), message.into()),
        )
    }
}

/// `data.kind.name` for a data source, `kind.name` for a resource.
fn address(data: bool, kind: &str, name: &str) -> String {
    if data {
        format!("data.{kind}.{name}")
    } else {
        format!("{kind}.{name}")
    }
}

/// Every `resource` and `data` block of the files given, in file and source order.
#[derive(Debug, Default)]
pub struct Config {
    /// The blocks.
    pub resources: Vec<Resource>,
    /// (data, type, name) → the first block with them, so following a reference does not
    /// scan every block (quadratic in big configurations).
    index: HashMap<(bool, String, String), usize>,
    /// `variable "NAME" { default = ... }`: the first declaration's default and its line.
    variables: HashMap<String, (Value, SourceRef)>,
}

impl Config {
    /// Reads one file's blocks; notes modules and the meta-arguments Rungs cannot follow.
    ///
    /// # Errors
    /// A syntax error with the file, line and column.
    pub fn read(&mut self, file: &SourceFile, notes: &mut Notes) -> Result<(), ImportError> {
        let body = hcl_edit::parser::parse_body(&file.text).map_err(|e| {
            let at = e.location();
            ImportError::at(
                &file.name,
                at.line() as u32,
                at.column() as u32,
                format!("this is not valid HCL ({})", e.message()),
            )
        })?;
        let lines = Lines::new(&file.text);
        for s in body.iter() {
            let Structure::Block(b) = s else { continue };
            let line = lines.of(b.span());
            let src = SourceRef::line(&file.name, line);
            let labels: Vec<String> = b.labels.iter().map(label).collect();
            match (b.ident.as_str(), labels.as_slice()) {
                (kind @ ("resource" | "data"), [t, n]) => {
                    let body = block(b, &lines, &file.text);
                    for meta in ["for_each", "count"] {
                        if let Some(a) = body.attr(meta) {
                            notes.warn(
                                SourceRef::line(&file.name, a.line),
                                format!(
                                    "{t}.{n} has {meta} = {}: Terraform would make several of it; one is imported",
                                    a.value.describe()
                                ),
                            );
                        }
                    }
                    if let Some(d) = body.blocks("dynamic").next() {
                        notes.warn(
                            SourceRef::line(&file.name, d.line),
                            format!(
                                "{t}.{n} has a dynamic \"{}\" block, which Terraform expands from data: left out",
                                d.labels.first().map_or("", String::as_str)
                            ),
                        );
                    }
                    self.index
                        .entry((kind == "data", t.clone(), n.clone()))
                        .or_insert(self.resources.len());
                    self.resources.push(Resource {
                        file: file.name.clone(),
                        data: kind == "data",
                        kind: t.clone(),
                        name: n.clone(),
                        body,
                        used: Cell::new(false),
                    });
                }
                ("variable", [name]) => {
                    let body = block(b, &lines, &file.text);
                    if let Some(a) = body.attr("default") {
                        self.variables
                            .entry(name.clone())
                            .or_insert((a.value.clone(), SourceRef::line(&file.name, a.line)));
                    }
                }
                ("module", [name, ..]) => {
                    notes.warn(
                        src,
                        format!(
                            "module \"{name}\" is not read: pass its files too, or import what the paging tool's API returns"
                        ),
                    );
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether any resource or data source has a type starting with `prefix`.
    pub fn has_provider(&self, prefix: &str) -> bool {
        self.resources.iter().any(|r| r.kind.starts_with(prefix))
    }

    /// The resources (not data sources) of type `kind`, marked as read.
    pub fn resources<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.find(false, kind)
    }

    /// The data sources of type `kind`, marked as read.
    pub fn data<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.find(true, kind)
    }

    fn find<'a>(&'a self, data: bool, kind: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.resources
            .iter()
            .filter(move |r| r.data == data && r.kind == kind)
            .inspect(|r| r.used.set(true))
    }

    /// The block a reference names (`pagerduty_user.ana.id`), marked as read.
    pub fn lookup(&self, reference: &Value) -> Option<&Resource> {
        let (data, kind, name) = reference.resource_ref()?;
        let &i = self
            .index
            .get(&(data, kind.to_string(), name.to_string()))?;
        let r = &self.resources[i];
        r.used.set(true);
        Some(r)
    }

    /// A note for each resource no importer read (a type Rungs has no use for).
    pub fn note_unread(&self, notes: &mut Notes) {
        for r in self.resources.iter().filter(|r| !r.used.get()) {
            notes.info(
                r.src(),
                format!(
                    "{} is not part of an escalation policy: not imported",
                    r.address()
                ),
            );
        }
    }
}

fn label(l: &BlockLabel) -> String {
    match l {
        BlockLabel::Ident(i) => i.as_str().to_string(),
        BlockLabel::String(s) => s.value().to_string(),
    }
}

fn block(b: &hcl_edit::structure::Block, lines: &Lines, text: &str) -> Block {
    let (attrs, blocks) = body(&b.body, lines, text);
    Block {
        kind: b.ident.as_str().to_string(),
        labels: b.labels.iter().map(label).collect(),
        attrs,
        blocks,
        line: lines.of(b.span()),
    }
}

fn body(b: &Body, lines: &Lines, text: &str) -> (Vec<Attr>, Vec<Block>) {
    let mut attrs = Vec::new();
    let mut blocks = Vec::new();
    for s in b.iter() {
        match s {
            Structure::Attribute(a) => attrs.push(Attr {
                key: a.key.as_str().to_string(),
                value: value(&a.value, text),
                line: lines.of(a.span()),
            }),
            Structure::Block(inner) => blocks.push(block(inner, lines, text)),
        }
    }
    (attrs, blocks)
}

fn value(e: &Expression, text: &str) -> Value {
    match e {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => n
            .value()
            .as_f64()
            .map_or_else(|| source(e, text), Value::Number),
        Expression::String(s) => Value::String(s.value().to_string()),
        Expression::Array(a) => Value::Array(a.iter().map(|x| value(x, text)).collect()),
        Expression::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| {
                    let key = match k {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(other) => match value(other, text) {
                            Value::String(s) => s,
                            other => other.describe(),
                        },
                    };
                    (key, value(v.expr(), text))
                })
                .collect(),
        ),
        Expression::Parenthesis(p) => value(p.inner(), text),
        Expression::Traversal(t) => traversal(t, text).unwrap_or_else(|| source(e, text)),
        Expression::Variable(v) => Value::Ref(vec![v.as_str().to_string()]),
        _ => source(e, text),
    }
}

/// `a.b.c`, `a["b"]`, `a[0]` as names; `None` for splats and computed indexes.
fn traversal(t: &hcl_edit::expr::Traversal, text: &str) -> Option<Value> {
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let mut names = vec![root.as_str().to_string()];
    for op in &t.operators {
        match op.value() {
            TraversalOperator::GetAttr(i) => names.push(i.as_str().to_string()),
            TraversalOperator::Index(x) => match value(x, text) {
                Value::String(s) => names.push(s),
                Value::Number(n) => names.push(n.to_string()),
                _ => return None,
            },
            TraversalOperator::LegacyIndex(i) => names.push(i.value().to_string()),
            _ => return None,
        }
    }
    Some(Value::Ref(names))
}

fn source(e: &Expression, text: &str) -> Value {
    let span: Option<Range<usize>> = e.span();
    Value::Expr(
        span.and_then(|r| text.get(r))
            .unwrap_or("an expression")
            .trim()
            .to_string(),
    )
}

/// Byte offsets to 1-based lines.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    fn of(&self, span: Option<Range<usize>>) -> u32 {
        let at = span.map_or(0, |r| r.start);
        self.starts.partition_point(|&s| s <= at) as u32
    }
}
