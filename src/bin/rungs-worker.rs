//! The study Web Worker: runs Monte Carlo studies off the page's thread. The messages
//! are described in `rungs::platform::study_worker`.

use rungs::platform::study_worker::{self, Reply};
use rungs::platform::worker_scope::serve;

fn main() {
    serve(
        Reply::Ready,
        |message| Reply::Failed { message },
        |request, post| study_worker::answer(request, |done| post(Reply::Progress { done })),
    );
}
