import groovy.json.JsonOutput
def commits = [
    [sha: 'abc123', author: 'ann', files: 3],
    [sha: 'def456', author: 'bob', files: 1],
]
def payload = [
    text    : "Build #42 of ${'main'} passed".toString(),
    commits : commits.collect { [id: it.sha.take(3), by: it.author] },
    total   : commits.sum { it.files },
    authors : commits*.author.unique().sort(),
]
echo JsonOutput.toJson(payload)
echo JsonOutput.prettyPrint(JsonOutput.toJson([summary: payload.total]))
