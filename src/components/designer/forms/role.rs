//! The form of a role.

use leptos::prelude::*;
use rungs_core::Role;

use crate::state::doc::use_doc;
use crate::state::lens::Lens;
use crate::widgets::fields::TextField;

/// The form of role `i`.
#[component]
pub fn RoleForm(
    /// Index of the role.
    i: usize,
) -> impl IntoView {
    let lens = Lens::<Role>::entry(use_doc(), i);
    view! {
        <TextField label="Name" field={Lens::<Role>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <TextField
            label="What the role does"
            field=lens.field(
                "description",
                |x| x.description.clone().unwrap_or_default(),
                |x, v: String| x.description = (!v.is_empty()).then_some(v),
            )
            multiline=true
        />
        <p class="field-help">"Give the role to people in their own forms."</p>
    }
}
