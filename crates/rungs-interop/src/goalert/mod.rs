//! GoAlert: GraphQL JSON and the `target/goalert` Terraform provider.

use crate::build::Builder;
use crate::hcl::Config;
use crate::notes::ImportError;
use crate::SourceFile;

pub(crate) fn import_json(_b: &mut Builder, _files: &[SourceFile]) -> Result<(), ImportError> {
    Err(ImportError::whole("GoAlert import is being written"))
}

pub(crate) fn import_terraform(_b: &mut Builder, _config: &Config) -> Result<(), ImportError> {
    Err(ImportError::whole(
        "GoAlert Terraform import is being written",
    ))
}
