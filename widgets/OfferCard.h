#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

// One offer ringing for the agent: who, on which channel and queue, the
// seconds left to answer as words and as a bar, and Accept / Decline. It
// shows what it is given (MyWorkPanel feeds it from MyWorkModel) and says
// what the agent chose.
class OfferCard : public QFrame
{
    Q_OBJECT

public:
    explicit OfferCard(qint64 interactionId, QWidget* parent = nullptr);

    qint64 interactionId() const { return m_interactionId; }
    // secondsLeft < 0: the hub did not say (an offer found in the store after a restart).
    void setOffer(const QString& customer, const QString& detail, int secondsLeft);
    QPushButton* acceptButton() const { return m_accept; }

Q_SIGNALS:
    void acceptClicked(qint64 interactionId);
    void declineClicked(qint64 interactionId);

private:
    qint64 m_interactionId;
    QLabel* m_customer = nullptr;
    QLabel* m_detail = nullptr;
    QProgressBar* m_countdown = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_decline = nullptr;
    int m_fullSeconds = 0;
};
