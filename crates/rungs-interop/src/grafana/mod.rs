//! Grafana OnCall: HTTP API v1 JSON and the OnCall resources of the `grafana/grafana` Terraform provider.

use rungs_core::Ladder;

use crate::build::Builder;
use crate::hcl::Config;
use crate::notes::ImportError;
use crate::{Exported, SourceFile};

pub(crate) fn import_json(_b: &mut Builder, _files: &[SourceFile]) -> Result<(), ImportError> {
    Err(ImportError::whole("Grafana OnCall import is being written"))
}

pub(crate) fn import_terraform(_b: &mut Builder, _config: &Config) -> Result<(), ImportError> {
    Err(ImportError::whole(
        "Grafana OnCall Terraform import is being written",
    ))
}

pub(crate) fn export(_ladder: &Ladder) -> Exported {
    Exported {
        text: String::new(),
        notes: Vec::new(),
    }
}
