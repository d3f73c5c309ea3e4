#pragma once

#include <QString>
#include <QVariantMap>
#include <string>

#include "dbus_types.h"
#include "massho/appliance/block_device.h"
#include "massho/records/people/users.h"

namespace massho::service {

class Job;
class Service;

// The acts of org.massho.Appliance1.Carry (api/org.massho.Appliance1.Carry.xml) for the person
// of a session, each a thin shell over appliance/operations: the allowed sources
// (source_listing.h), the key book, the plan (carryout_plan.h), the approval request
// (create_request_operation.h) and the return (carryin_operation.h). The session bounds the
// arguments and turns what these throw into D-Bus errors; the operations decide every rule.
namespace carry {

QVariantMapList sources(Service& service, const records::User& person, bool& truncated);
QVariantMapList recipients(Service& service);
QVariantMap plan(Service& service, const records::User& person,
                 const appliance::BlockDevice& device, int infoClass);
QString request(Service& service, const records::User& person, const std::string& devicePath,
                int infoClass, const std::string& asset, const std::string& destination,
                const std::string& note);
Job& startCarryIn(Service& service, const records::User& person, const std::string& devicePath,
                  const std::string& condition, bool cryptoErase);

}  // namespace carry
}  // namespace massho::service
