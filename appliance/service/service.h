#pragma once

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QObject>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "carry_out_job.h"
#include "dbus_types.h"
#include "device_catalog.h"
#include "device_lister.h"
#include "job.h"
#include "massho/operations/decide_request_operation.h"
#include "massho/records/people/store.h"

namespace massho::service {

class Session;

// The service's state, on the main thread: the data directory's store, the devices it listed,
// the sessions of the people logged in and every job since it started. The D-Bus objects
// (manager.h, session.h, job.h) are its faces; the operations decide every rule.
class Service : public QObject {
    Q_OBJECT

  public:
    // Opens DATA_DIR (massho init made it) and records the jobs a previous run left unfinished as
    // interrupted. Objects are registered on `bus` by the caller; the devices are listed at the
    // first refreshDevices().
    Service(QDBusConnection bus, std::filesystem::path dataDir);
    ~Service() override;

    const std::filesystem::path& dataDir() const { return dataDir_; }
    records::Store& store() { return *store_; }
    DeviceCatalog& devices() { return devices_; }
    QDBusConnection& bus() { return bus_; }

    // A store of its own for a job's worker thread (SQLite connections are not shared).
    std::unique_ptr<records::Store> openWorkerStore() const;
    // Publishes a checked operation as a job and starts its worker.
    Job& startJob(const JobIdentity& identity, std::unique_ptr<records::Store> store,
                  std::unique_ptr<operations::Operation> operation);
    Job& startCarryOut(const records::User& person, CarryOutAsk ask);
    void decide(const records::User& person, const std::string& requestId,
                operations::Decision decision, const std::string& reason);
    QVariantMapList requestsFor(const records::User& person);

    // A session for `user`, owned by the connection `owner`; returns its object path.
    QString openSession(records::User user, const QString& owner);
    // The session at `path`, or nullptr.
    Session* sessionAt(const QString& path) const;
    // Ends every session of a connection that has left the bus.
    void closeSessionsOf(const QString& owner);
    // Throws ServiceError unless `caller` holds a session of the job's operator or of an
    // administrator.
    void requireMayCancel(const Job& job, const QString& caller) const;
    QList<QDBusObjectPath> jobPaths() const;
    // Throws ServiceError(Busy) while a job of this service works on `device`: one job per
    // device (the engine's exclusive open would refuse the second only after it was started).
    void requireDeviceFree(const QString& device) const;

    // Lists the devices again, on the lister's thread (device_lister.h); once that listing ends
    // the catalog is updated and deviceAdded/deviceRemoved are emitted for what changed, here.
    void refreshDevices();
    // The same, then `done` (with the listing's error, if it failed), after devices() holds a
    // listing that started after this call.
    void listDevices(DeviceLister::Done done);
    // Cancels every running job and waits for each to record its end (service shutdown).
    void stopJobs();

  signals:
    void deviceAdded(const QVariantMap& device);
    void deviceRemoved(const QString& path);
    // After every listing: the names of the disks listed (for the hotplug watch).
    void devicesListed(const std::set<std::string>& names);
    void jobAdded(const QDBusObjectPath& job);

  private:
    void recoverInterruptedJobs();
    QString nextJobPath();
    void registerJob(std::unique_ptr<Job> job);
    void forgetOldJobs();
    // The devices running jobs of this service hold (by path): not probed while they do.
    std::set<QString> heldDevices() const;
    void takeListing(const DeviceLister::Listing& listing);

    QDBusConnection bus_;
    std::filesystem::path dataDir_;
    std::unique_ptr<records::Store> store_;
    DeviceCatalog devices_;
    std::map<QString, std::unique_ptr<Session>> sessions_;
    std::vector<std::unique_ptr<Job>> jobs_;
    uint64_t jobCounter_ = 0;
    DeviceLister lister_;  // last: gone before what its callbacks use
};

}  // namespace massho::service
