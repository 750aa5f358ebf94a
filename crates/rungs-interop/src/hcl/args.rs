//! Reading a resource's arguments the way every provider's importer does: a literal of
//! the kind asked for, or a value Terraform computes (a reference, an expression) that
//! Rungs can only note, or some other literal that is an error. What a vendor says in
//! the note or the error stays with the vendor.

use std::ops::RangeInclusive;

use super::{Block, Config, Value};
use crate::notes::{ImportError, Notes, SourceRef};

/// The largest whole number an argument may hold (2^53: every whole number up to it is
/// exact in a float, as HCL's numbers are read).
pub const MAX_WHOLE: i64 = 1 << 53;

/// An argument as far as Rungs can read it without running Terraform.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a, T> {
    /// Absent, or `null`.
    Unset,
    /// A literal of the kind asked for.
    Literal(T),
    /// A reference or an expression: only Terraform knows its value.
    Computed(&'a Value),
    /// A literal of another kind (or a number out of the range asked for).
    Other(&'a Value),
}

impl<'a, T> Arg<'a, T> {
    /// The literal (`None` when unset); a computed value is handed to `computed` (which
    /// notes it) and reads as `None`; another literal is the error `other` makes.
    ///
    /// # Errors
    /// The error `other` makes of a literal of another kind.
    pub fn read(
        self,
        computed: impl FnOnce(&'a Value),
        other: impl FnOnce(&'a Value) -> ImportError,
    ) -> Result<Option<T>, ImportError> {
        match self {
            Arg::Unset => Ok(None),
            Arg::Literal(x) => Ok(Some(x)),
            Arg::Computed(v) => {
                computed(v);
                Ok(None)
            }
            Arg::Other(v) => Err(other(v)),
        }
    }
}

impl Value {
    /// Whether Terraform computes this value (a reference or an expression).
    pub fn is_computed(&self) -> bool {
        matches!(self, Value::Ref(_) | Value::Expr(_))
    }

    /// The whole number, if this is one from -[`MAX_WHOLE`] to [`MAX_WHOLE`].
    pub fn as_whole(&self) -> Option<i64> {
        let n = self.as_f64()?;
        (n.fract() == 0.0 && n.abs() <= MAX_WHOLE as f64).then_some(n as i64)
    }

    /// The address of the resource a reference names (`data.pagerduty_user.ana` for
    /// `data.pagerduty_user.ana.id`), as [`super::Resource::address`] writes it.
    pub fn ref_address(&self) -> Option<String> {
        let (data, kind, name) = self.resource_ref()?;
        Some(super::address(data, kind, name))
    }
}

impl Block {
    /// The line of attribute `key`, or the block's own line when it is absent.
    pub fn line_of(&self, key: &str) -> u32 {
        self.attr(key).map_or(self.line, |a| a.line)
    }

    /// The argument `key` read as a literal string.
    pub fn string_arg(&self, key: &str) -> Arg<'_, String> {
        self.arg(key, |v| v.as_str().map(str::to_string))
    }

    /// The argument `key` read as a literal whole number within `range` (which should lie
    /// within ±[`MAX_WHOLE`]).
    pub fn whole_arg(&self, key: &str, range: RangeInclusive<i64>) -> Arg<'_, i64> {
        self.arg(key, |v| v.as_whole().filter(|n| range.contains(n)))
    }

    fn arg<'a, T>(&'a self, key: &str, literal: impl FnOnce(&'a Value) -> Option<T>) -> Arg<'a, T> {
        match self.get(key) {
            None | Some(Value::Null) => Arg::Unset,
            Some(v) if v.is_computed() => Arg::Computed(v),
            Some(v) => literal(v).map_or(Arg::Other(v), Arg::Literal),
        }
    }
}

impl Config {
    /// The address of the resource a reference names, whether or not it is in these
    /// files; the resource is marked as read when it is.
    pub fn follow(&self, reference: &Value) -> Option<String> {
        let _ = self.lookup(reference);
        reference.ref_address()
    }

    /// Puts each variable's declared default (`variable "x" { default = 15 }`, in any of
    /// the files) in place of the arguments that are just `var.x`, with a warning at each:
    /// Terraform uses the default unless the variable is set when it runs. Arguments
    /// of variables without a default are left for the importers to note.
    pub fn use_variable_defaults(&mut self, notes: &mut Notes) {
        if self.variables.is_empty() {
            return;
        }
        for r in &mut self.resources {
            let address = super::address(r.data, &r.kind, &r.name);
            defaults_in(&mut r.body, &self.variables, &r.file, &address, notes);
        }
    }
}

fn defaults_in(
    block: &mut Block,
    variables: &std::collections::HashMap<String, (Value, SourceRef)>,
    file: &str,
    address: &str,
    notes: &mut Notes,
) {
    for a in &mut block.attrs {
        let Value::Ref(names) = &a.value else {
            continue;
        };
        let [var, name] = names.as_slice() else {
            continue;
        };
        let Some((default, at)) = variables.get(name).filter(|_| var == "var") else {
            continue;
        };
        if default.is_computed() || *default == Value::Null {
            continue;
        }
        notes.warn(
            SourceRef::line(file, a.line),
            format!(
                "{address}'s {} = var.{name} is set when Terraform runs: the variable's default, {}, is used (declared at {at})",
                a.key,
                default.describe()
            ),
        );
        a.value = default.clone();
    }
    for inner in &mut block.blocks {
        defaults_in(inner, variables, file, address, notes);
    }
}
