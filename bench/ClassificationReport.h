#pragma once

#include <QString>
#include <QStringList>
#include <vector>

// Accuracy, macro-F1 and the confusion matrix of one classifier on one set,
// for classes given by name (index = class).
class ClassificationReport
{
public:
    explicit ClassificationReport(QStringList classes);

    void add(int truth, int predicted);
    int total() const { return m_total; }
    double accuracy() const;
    // The unweighted mean of each class's F1 (0 for a class never predicted
    // correctly), over the classes that occur in the truth or the predictions.
    double macroF1() const;
    // Rows are the truth, columns the prediction: "truth \ predicted | a | b".
    QStringList confusionLines(const QString& title) const;

private:
    QStringList m_classes;
    std::vector<std::vector<int>> m_counts;
    int m_total = 0;
};
