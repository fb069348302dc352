//! Entry point of the browser app: mounts the root component, nothing else.

fn main() {
    gouji_web::mount();
}
