#pragma once

#include <QObject>
#include <QString>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "dbus_error.h"
#include "massho/records/people/users.h"

namespace massho::service {

// Checks passwords on a thread of its own, one at a time, so that the scrypt work of a login (or
// of a thousand hostile ones) never stalls the main loop that serves running jobs and other
// people. Bounded: one login in flight per connection, a short queue overall; anything beyond
// is refused at once with Busy. The lockout rules (massho.conf [lockout]) are records::Users'.
class LoginDesk : public QObject {
    Q_OBJECT

  public:
    using Done = std::function<void(std::optional<records::User> user, DbusError error)>;

    explicit LoginDesk(std::filesystem::path dataDir, QObject* parent = nullptr);
    ~LoginDesk() override;

    // Queues a login for `caller` (a connection's unique name). `done` runs on the main thread.
    // Throws ServiceError(Busy) when the caller already waits or the queue is full.
    void submit(const QString& caller, std::string user, std::string password, Done done);

  private:
    struct Attempt {
        QString caller;
        std::string user;
        std::string password;  // wiped once checked
        Done done;
    };
    void work();
    void answer(Attempt attempt, std::optional<records::User> user, DbusError error);

    std::filesystem::path dataDir_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Attempt> queue_;
    std::set<QString> waiting_;  // callers with an attempt queued or being checked
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace massho::service
