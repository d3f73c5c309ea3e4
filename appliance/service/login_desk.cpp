#include "login_desk.h"

#include <openssl/crypto.h>

#include <QMetaObject>

#include "massho/records/people/store.h"

namespace massho::service {

namespace {

constexpr size_t kMaxQueued = 8;

void wipe(std::string& secret) {
    if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

}  // namespace

LoginDesk::LoginDesk(std::filesystem::path dataDir, QObject* parent)
    : QObject(parent), dataDir_(std::move(dataDir)), thread_([this] { work(); }) {}

LoginDesk::~LoginDesk() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    for (auto& attempt : queue_) wipe(attempt.password);
}

void LoginDesk::submit(const QString& caller, std::string user, std::string password, Done done) {
    {
        const std::lock_guard lock(mutex_);
        if (waiting_.count(caller) || queue_.size() >= kMaxQueued) {
            wipe(password);
            throw refusal(dbus_error::kBusy,
                          QStringLiteral("a login is already being checked: wait for its "
                                         "answer, then try again"),
                          "login.busy");
        }
        waiting_.insert(caller);
        queue_.push_back({caller, std::move(user), std::move(password), std::move(done)});
    }
    wake_.notify_one();
}

void LoginDesk::work() {
    // Its own store (SQLite connection), opened on this thread and kept.
    std::optional<records::Store> store;
    for (;;) {
        Attempt attempt;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            attempt = std::move(queue_.front());
            queue_.pop_front();
        }
        std::optional<records::User> user;
        DbusError error;
        try {
            if (!store) store.emplace(records::Store::open(dataDir_));
            user = store->users().authenticate(attempt.user, attempt.password);
        } catch (...) {
            error = dbusErrorFor(std::current_exception());
        }
        wipe(attempt.password);
        answer(std::move(attempt), std::move(user), std::move(error));
    }
}

void LoginDesk::answer(Attempt attempt, std::optional<records::User> user, DbusError error) {
    QMetaObject::invokeMethod(
        this,
        [this, caller = attempt.caller, done = std::move(attempt.done), user = std::move(user),
         error = std::move(error)] {
            {
                const std::lock_guard lock(mutex_);
                waiting_.erase(caller);
            }
            done(user, error);
        },
        Qt::QueuedConnection);
}

}  // namespace massho::service
