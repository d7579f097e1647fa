#pragma once

#include "ContextRoles.h"
#include "domain/Identity.h"

#include <QAbstractListModel>
#include <QList>
#include <optional>

class Statement;
class Store;

// The existing customers closest to a phone number, email address or social
// handle that no customer has yet (an unknown caller, a new sender): the
// agent usually knows the person already under another number or address,
// and linking the new identity keeps one history instead of two. Candidates
// come from indexed lookups only, so a million customers answer as fast as a
// hundred: phone numbers ending in the same digits, email addresses with the
// same name before the "@", the same handle on another network, and names
// matching the words of the handle or of the name the channel gave.
class CustomerMatchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        CustomerIdRole = ContextRoles::IdRole, // qint64
        ReasonRole = ContextRoles::FirstCustomRole, // int, a Reason
        MatchedValueRole, // QString, the identity that matched (normalised), or empty for names
    };
    enum class Reason { PhoneEnding, EmailName, SameHandle, SimilarName };
    struct Match
    {
        qint64 customerId = 0;
        QString displayName;
        QString company;
        QString city;
        QString tier;
        bool vip = false;
        Reason reason = Reason::SimilarName;
        QString matchedValue;
        QString matchedNetwork;
    };
    static constexpr int kLimit = 8;
    // Enough digits that a random collision is rare among a million numbers,
    // few enough that "+39 02 1234 5678" finds "02 1234 5678" stored without a prefix.
    static constexpr int kPhoneEndingDigits = 8;

    explicit CustomerMatchModel(Store& store, QObject* parent = nullptr);

    // Looks for customers close to this identity. nameHint is a name the
    // channel gave with it (caller id, an email's From, a profile name).
    void setIdentity(IdentityKind kind, const QString& rawValue, const QString& network = QString(),
        const QString& nameHint = QString());
    IdentityKind kind() const { return m_kind; }
    const QString& rawValue() const { return m_raw; }
    const QString& network() const { return m_network; }
    // The value as the store would keep it; empty when it is not valid for its kind.
    const QString& normalizedValue() const { return m_value; }

    // The words of a handle or an email's local part that may be a name:
    // "mario.rossi88" -> "mario", "rossi".
    static QStringList nameWords(const QString& text);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void addPhoneEndings();
    void addEmailNames();
    void addSameHandles();
    void addSimilarNames(const QStringList& words);
    // Reads matches from a statement whose first seven columns are the
    // customer's id, name, company, city, tier, vip and the matched value.
    void collect(Statement& st, Reason reason, int limit);
    QString reasonText(const Match& match) const;

    Store& m_store;
    IdentityKind m_kind = IdentityKind::Phone;
    QString m_raw;
    QString m_network;
    QString m_value;
    QList<Match> m_rows;
};
