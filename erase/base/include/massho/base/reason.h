#pragma once

#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace massho::base {

// A refusal's stable reason key and its arguments (masshod(8), "Reasons"), e.g. "login.locked"
// with the time the lock ends: what a front-end translates, while the error's English line stays
// what massho(1) prints. Set where the refusal is decided, so that rewording the line never loses
// it. The keys are catalogued in appliance/service/refusal_reason.cpp.
struct Reason {
    std::string key;
    std::vector<std::string> args;  // the variable parts of the line, in the key's order
};

// The part of an error that names its reason (see withReason).
class HasReason {
  public:
    explicit HasReason(Reason reason) : reason_(std::move(reason)) {}
    virtual ~HasReason() = default;
    const Reason& reason() const { return reason_; }

  private:
    Reason reason_;
};

// `Error` with a reason: caught as an `Error` by whoever caught that before (the command line,
// an operation's own handler), and as a HasReason by the service.
template <typename Error>
class Reasoned : public Error, public HasReason {
  public:
    Reasoned(Error error, Reason reason) : Error(std::move(error)), HasReason(std::move(reason)) {}
};

// throw withReason(UserError("user \"x\" already exists: …"), "user.exists", {"x"});
template <typename Error>
Reasoned<Error> withReason(Error error, std::string key, std::vector<std::string> args = {}) {
    return {std::move(error), Reason{std::move(key), std::move(args)}};
}

// The reason `error` names, or nullptr.
inline const Reason* reasonOf(const std::exception& error) {
    const auto* named = dynamic_cast<const HasReason*>(&error);
    return named ? &named->reason() : nullptr;
}

}  // namespace massho::base
