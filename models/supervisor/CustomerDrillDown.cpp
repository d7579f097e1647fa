#include "CustomerDrillDown.h"

#include "SupervisorSource.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QJsonArray>

CustomerDrillDown::CustomerDrillDown(SupervisorSource& source, Store* store, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_store(store)
{ }

Customer CustomerDrillDown::customerFromJson(const QJsonObject& o)
{
    Customer c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.firstName = o.value(QStringLiteral("firstName")).toString();
    c.lastName = o.value(QStringLiteral("lastName")).toString();
    c.displayName = o.value(QStringLiteral("displayName")).toString();
    c.company = o.value(QStringLiteral("company")).toString();
    c.language = o.value(QStringLiteral("language")).toString(c.language);
    c.tier = o.value(QStringLiteral("tier")).toString(c.tier);
    c.vip = o.value(QStringLiteral("vip")).toBool();
    c.lifetimeValue = o.value(QStringLiteral("lifetimeValue")).toDouble();
    c.city = o.value(QStringLiteral("city")).toString();
    c.address = o.value(QStringLiteral("address")).toString();
    c.country = o.value(QStringLiteral("country")).toString();
    c.consentMarketing = o.value(QStringLiteral("consentMarketing")).toBool();
    c.consentRecording = o.value(QStringLiteral("consentRecording")).toBool();
    c.consentProfiling = o.value(QStringLiteral("consentProfiling")).toBool();
    const QJsonValue crm = o.value(QStringLiteral("crmFields"));
    if (crm.isObject())
        c.crmFields = QString::fromUtf8(QJsonDocument(crm.toObject()).toJson(QJsonDocument::Compact));
    c.createdAt = o.value(QStringLiteral("createdAt")).toInteger();
    c.updatedAt = o.value(QStringLiteral("updatedAt")).toInteger();
    return c;
}

QList<Identity> CustomerDrillDown::identitiesFromJson(const QJsonObject& o)
{
    QList<Identity> identities;
    for (const QJsonValue& value : o.value(QStringLiteral("identities")).toArray()) {
        const QJsonObject i = value.toObject();
        const std::optional<IdentityKind> kind
            = identityKindFromKey(i.value(QStringLiteral("kind")).toString());
        if (!kind)
            continue;
        Identity identity;
        identity.id = i.value(QStringLiteral("id")).toInteger();
        identity.customerId = i.value(QStringLiteral("customerId")).toInteger();
        identity.kind = *kind;
        identity.network = i.value(QStringLiteral("network")).toString();
        identity.value = i.value(QStringLiteral("value")).toString();
        identity.rawValue = i.value(QStringLiteral("rawValue")).toString();
        identity.source = i.value(QStringLiteral("source")).toString();
        identity.verified = i.value(QStringLiteral("verified")).toBool();
        identity.createdAt = i.value(QStringLiteral("createdAt")).toInteger();
        identities.append(identity);
    }
    return identities;
}

void CustomerDrillDown::showCustomer(qint64 customerId)
{
    const quint64 request = ++m_request;
    m_customerId = customerId;
    if (customerId <= 0) {
        Q_EMIT cleared(QString());
        return;
    }
    if (m_store) {
        try {
            if (const std::optional<Customer> customer = m_store->customer(customerId)) {
                Q_EMIT customerReady(*customer, m_store->identities(customerId));
                return;
            }
        } catch (const StoreError&) {
            // Unreadable here: the backend has the customer too.
        }
    }
    m_source.get(QStringLiteral("/api/v1/customers/%1").arg(customerId), this,
        [this, request](const SupervisorReply& reply) {
            if (request != m_request)
                return; // the supervisor has moved on
            if (!reply.ok()) {
                Q_EMIT cleared(tr("The customer could not be read: %1").arg(reply.describe()));
                return;
            }
            const QJsonObject object = reply.json.object();
            Q_EMIT customerReady(customerFromJson(object), identitiesFromJson(object));
        });
}
